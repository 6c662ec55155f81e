namespace Softswitch.Domain.Billing;

/// <summary>A rate's money when part of the billed time is covered by package free seconds (see <see cref="PackageGrant"/>).</summary>
public static class TariffAllowances
{
    /// <summary>
    /// The money for <paramref name="billedSeconds"/> of which <paramref name="freeSeconds"/> are free: the connect fee
    /// plus the price of the rest, rounded up like <see cref="Tariff.Price"/>; 0 for an unanswered call.
    /// </summary>
    public static decimal PriceAfterFreeSeconds(this Tariff tariff, int billedSeconds, int freeSeconds)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        if (billedSeconds <= 0)
        {
            return 0m;
        }

        var paid = billedSeconds - Math.Clamp(freeSeconds, 0, billedSeconds);
        return Math.Round(tariff.ConnectFee + (tariff.PricePerMinute * paid / 60m), tariff.ChargeDecimals, MidpointRounding.ToPositiveInfinity);
    }

    /// <summary>
    /// The longest billed time <paramref name="funds"/> pays for when <paramref name="freeSeconds"/> (0 or a billed
    /// duration) are free: 0 when not even the first increment; null when the rate is free per minute.
    /// </summary>
    public static int? AffordableSeconds(this Tariff tariff, decimal funds, int freeSeconds)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        if (freeSeconds <= 0)
        {
            return tariff.AffordableSeconds(funds);
        }

        if (funds < tariff.PriceAfterFreeSeconds(freeSeconds, freeSeconds))
        {
            return 0;
        }

        if (tariff.PricePerMinute <= 0)
        {
            return null;
        }

        var next = Math.Max(1, tariff.NextIncrementSeconds);
        var perStep = tariff.PricePerMinute * next / 60m;
        var steps = (long)Math.Floor((funds - tariff.ConnectFee) / perStep);
        var seconds = freeSeconds + (Math.Min(steps, (int.MaxValue - (long)freeSeconds) / next) * next);

        // Rounding the total up can make the last step cost a little more than the division said.
        while (seconds > freeSeconds && tariff.PriceAfterFreeSeconds((int)seconds, freeSeconds) > funds)
        {
            seconds -= next;
        }

        return (int)seconds;
    }
}

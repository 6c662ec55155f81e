namespace Softswitch.Domain.Billing;

/// <summary>
/// The price of one call as rated at setup: a rate's terms, frozen into the call's record so the charge can be computed
/// the same way when the call ends, after a crash, or in a back-office correction.
/// </summary>
/// <remarks>
/// Stated rounding (VOS3000 "hold-time precision", "billing unit precision", "billing fee precision"): the answered time
/// is rounded up to whole seconds; the billed time is the first increment, then whole next increments rounded up; the
/// money is the connect fee plus price per minute × billed seconds / 60, rounded up at <see cref="ChargeDecimals"/>.
/// An unanswered call costs nothing, connect fee included.
/// </remarks>
public sealed record Tariff(string Prefix, decimal PricePerMinute, int FirstIncrementSeconds, int NextIncrementSeconds, decimal ConnectFee, int ChargeDecimals)
{
    public const int DefaultChargeDecimals = 4;

    private int First => Math.Max(1, FirstIncrementSeconds);

    private int Next => Math.Max(1, NextIncrementSeconds);

    public int BilledSeconds(TimeSpan answered)
    {
        if (answered <= TimeSpan.Zero)
        {
            return 0;
        }

        var held = (long)Math.Ceiling(answered.TotalSeconds);
        if (held <= First)
        {
            return First;
        }

        var steps = (held - First + Next - 1) / Next;
        return (int)Math.Min(int.MaxValue, First + (steps * Next));
    }

    /// <summary>The money for <paramref name="billedSeconds"/> (already rounded by <see cref="BilledSeconds"/>); 0 for 0.</summary>
    public decimal Price(int billedSeconds) =>
        billedSeconds <= 0 ? 0m : Math.Round(ConnectFee + (PricePerMinute * billedSeconds / 60m), ChargeDecimals, MidpointRounding.ToPositiveInfinity);

    public decimal Charge(TimeSpan answered) => Price(BilledSeconds(answered));

    /// <summary>What the first increment costs: the least a call must be able to pay to be connected.</summary>
    public decimal FirstIncrementPrice => Price(First);

    /// <summary>
    /// The longest billed time <paramref name="funds"/> pays for: 0 when not even the first increment; null when the
    /// rate is free per minute (only the connect fee counts).
    /// </summary>
    public int? AffordableSeconds(decimal funds)
    {
        if (funds < FirstIncrementPrice)
        {
            return 0;
        }

        if (PricePerMinute <= 0)
        {
            return null;
        }

        var perStep = PricePerMinute * Next / 60m;
        var steps = (long)Math.Floor((funds - FirstIncrementPrice) / perStep);
        var seconds = First + (Math.Min(steps, int.MaxValue / Next) * Next);

        // Rounding each total up can make the last step cost a little more than the division said.
        while (seconds > First && Price((int)seconds) > funds)
        {
            seconds -= Next;
        }

        return (int)Math.Min(int.MaxValue, seconds);
    }
}

namespace Softswitch.Domain.Billing;

/// <summary>
/// The package allowances a call was granted, in the order it takes them (subscriptions by priority): free seconds
/// first, then free money, then the account's balance. Recorded on the call's CDR, so its split between allowances and
/// money is computed the same way at the end of the call, after a crash, or when the CDR is stored.
/// </summary>
/// <remarks>
/// Stated rounding: free seconds are granted and consumed in the rate's billing increments (the first increment
/// whole, then whole next increments), so <see cref="FreeSeconds"/> is always 0 or a billed duration. The call's billed
/// seconds are covered by free seconds first; the money is the connect fee plus the price of the billed seconds left,
/// rounded up at the rate's precision (<see cref="Tariff.ChargeDecimals"/>), and that money is paid by the free amount
/// first, the balance after.
/// </remarks>
public sealed record PackageGrant(IReadOnlyList<PackageShare> Shares)
{
    public int FreeSeconds => Shares.Sum(s => s.Seconds);

    public decimal FreeAmount => Shares.Sum(s => s.Amount);

    /// <summary>The call's split after <paramref name="answered"/> at <paramref name="tariff"/>.</summary>
    public PackageSplit Split(Tariff tariff, TimeSpan answered)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        var billed = tariff.BilledSeconds(answered);
        var free = Math.Min(billed, FreeSeconds);
        var money = tariff.PriceAfterFreeSeconds(billed, free);
        var fromAmount = Math.Min(money, FreeAmount);
        return new PackageSplit(billed, free, fromAmount, money - fromAmount);
    }

    /// <summary>What each share gave of <paramref name="split"/>: one per share, in the same order (0 for a share not reached).</summary>
    public IEnumerable<PackageShare> Consumed(PackageSplit split)
    {
        var seconds = split.PackageSeconds;
        var amount = split.PackageAmount;
        foreach (var share in Shares)
        {
            var usedSeconds = Math.Min(seconds, share.Seconds);
            var usedAmount = Math.Min(amount, share.Amount);
            seconds -= usedSeconds;
            amount -= usedAmount;
            yield return share with { Seconds = usedSeconds, Amount = usedAmount };
        }
    }
}

/// <summary>
/// One call's money and allowances: <paramref name="BilledSeconds"/> of which <paramref name="PackageSeconds"/> came
/// from free seconds (VOS3000 "package usage duration"), <paramref name="PackageAmount"/> of its money from free
/// amounts (VOS3000 "package charges"), and the <paramref name="Charge"/> left for the account's balance.
/// </summary>
public readonly record struct PackageSplit(int BilledSeconds, int PackageSeconds, decimal PackageAmount, decimal Charge);

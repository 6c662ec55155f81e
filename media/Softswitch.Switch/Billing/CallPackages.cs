using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Billing;

/// <summary>
/// The package allowances one call holds: free seconds from the pools that cover its callee and free money from the
/// pools that have some, each taken in priority order, in slices like the call's money. Touched only by the call's
/// executor (and by admission before the call exists); the pools themselves are shared and locked.
/// </summary>
internal sealed class CallPackages(Tariff tariff, List<AllowancePool> secondsPools, List<AllowancePool> amountPools)
{
    private readonly List<Held> _held = [];

    /// <summary>What the call holds, as recorded on its CDR.</summary>
    public PackageGrant Grant { get; private set; } = new([]);

    public int FreeSeconds { get; private set; }

    public decimal FreeAmount { get; private set; }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> more free seconds in the rate's increments: the first increment whole from
    /// one pool, then whole next increments, from each pool in turn until the slice is covered or the pools are empty.
    /// </summary>
    public void TakeSeconds(int wanted)
    {
        var first = Math.Max(1, tariff.FirstIncrementSeconds);
        var next = Math.Max(1, tariff.NextIncrementSeconds);
        foreach (var pool in secondsPools)
        {
            if (wanted <= 0)
            {
                return;
            }

            var taken = pool.TakeSeconds(FreeSeconds == 0 ? first : 0, next, wanted);
            if (taken > 0)
            {
                wanted -= taken;
                FreeSeconds += taken;
                Hold(pool, taken, 0m);
            }
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> of free money from the pools in turn; returns what it got.</summary>
    public decimal TakeAmount(decimal wanted)
    {
        var got = 0m;
        foreach (var pool in amountPools)
        {
            if (got >= wanted)
            {
                break;
            }

            var taken = pool.TakeAmount(wanted - got);
            if (taken > 0m)
            {
                got += taken;
                Hold(pool, 0, taken);
            }
        }

        FreeAmount += got;
        return got;
    }

    /// <summary>The call ended with <paramref name="split"/>: each pool gets back what the call held and records what it used.</summary>
    public void Close(PackageSplit split)
    {
        var index = 0;
        foreach (var used in Grant.Consumed(split))
        {
            var held = _held[index++];
            held.Pool.Close(held.Seconds, held.Amount, used.Seconds, used.Amount);
        }
    }

    private void Hold(AllowancePool pool, int seconds, decimal amount)
    {
        var isSeconds = seconds > 0;
        var held = _held.Find(h => ReferenceEquals(h.Pool, pool) && (h.Seconds > 0) == isSeconds);
        if (held is null)
        {
            _held.Add(held = new Held(pool));
        }

        held.Seconds += seconds;
        held.Amount += amount;
        Grant = new PackageGrant([.. _held.Select(h => new PackageShare(h.Pool.Terms.SubscriptionId, h.Pool.Terms.PeriodStart, h.Seconds, h.Amount))]);
    }

    private sealed class Held(AllowancePool pool)
    {
        public AllowancePool Pool => pool;

        public int Seconds { get; set; }

        public decimal Amount { get; set; }
    }
}

using System.Collections.Frozen;

namespace Softswitch.Switch.Billing;

/// <summary>
/// What one subscription's period still holds, shared by all its account's calls on this switch, kept like
/// <see cref="AccountBudgets"/>: the period's allowance − what stored CDRs used − what live calls reserved − what ended
/// calls used but the database has not yet posted. Every change happens under the pool's lock, so concurrent calls can
/// never together take more than the allowance.
/// </summary>
public sealed class AllowancePool
{
    private readonly Lock _lock = new();
    private volatile Shape _shape;
    private long _usedSeconds;
    private decimal _usedAmount;
    private long _usageVersion = -1;
    private long _reservedSeconds;
    private decimal _reservedAmount;
    private long _unsettledSeconds;
    private decimal _unsettledAmount;

    internal AllowancePool(AllowanceTerms terms)
    {
        _shape = new Shape(terms);
        Observe(terms.UsedSeconds, terms.UsedAmount, terms.UsageVersion);
    }

    public AllowanceTerms Terms => _shape.Terms;

    public int RemainingSeconds
    {
        get
        {
            lock (_lock)
            {
                return (int)Math.Max(0, AvailableSeconds);
            }
        }
    }

    public decimal RemainingAmount
    {
        get
        {
            lock (_lock)
            {
                return Math.Max(0m, AvailableAmount);
            }
        }
    }

    private long AvailableSeconds => Terms.FreeSeconds - _usedSeconds - _reservedSeconds - _unsettledSeconds;

    private decimal AvailableAmount => Terms.FreeAmount - _usedAmount - _reservedAmount - _unsettledAmount;

    /// <summary>True when the pool's free seconds apply to <paramref name="callee"/>: no prefix set, or one of its prefixes.</summary>
    public bool CoversSeconds(ReadOnlySpan<char> callee)
    {
        var shape = _shape;
        if (shape.Terms.FreeSeconds <= 0)
        {
            return false;
        }

        if (shape.LongestPrefix == 0)
        {
            return true;
        }

        for (var length = Math.Min(callee.Length, shape.LongestPrefix); length > 0; length--)
        {
            if (shape.Prefixes.Contains(callee[..length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True while <paramref name="at"/> is in the pool's period.</summary>
    public bool IsCurrentAt(DateTime at) => Terms.PeriodStart <= at && at < Terms.PeriodEnd;

    /// <summary>
    /// Reserves free seconds in whole increments: <paramref name="head"/> seconds (a call's first increment; 0 when it
    /// has one already) and then as many <paramref name="step"/>s as fit in <paramref name="wanted"/>. Returns what was
    /// taken: 0 when not even the head (or one step) is left.
    /// </summary>
    internal int TakeSeconds(int head, int step, int wanted)
    {
        lock (_lock)
        {
            var available = AvailableSeconds;
            if (available < head || wanted < head)
            {
                return 0;
            }

            var steps = Math.Min((wanted - head) / step, (available - head) / step);
            var taken = head + (int)(steps * step);
            _reservedSeconds += taken;
            return taken;
        }
    }

    /// <summary>Reserves up to <paramref name="wanted"/> of the free amount; returns what was taken.</summary>
    internal decimal TakeAmount(decimal wanted)
    {
        lock (_lock)
        {
            var taken = Math.Max(0m, Math.Min(wanted, AvailableAmount));
            _reservedAmount += taken;
            return taken;
        }
    }

    /// <summary>A call ended: its reservation goes back, and what it used waits for the database.</summary>
    internal void Close(int reservedSeconds, decimal reservedAmount, int usedSeconds, decimal usedAmount)
    {
        lock (_lock)
        {
            _reservedSeconds -= reservedSeconds;
            _reservedAmount -= reservedAmount;
            _unsettledSeconds += usedSeconds;
            _unsettledAmount += usedAmount;
        }
    }

    /// <summary>The database posted <paramref name="seconds"/> and <paramref name="amount"/>; its totals are now the given ones.</summary>
    internal void Settle(int seconds, decimal amount, long usedSeconds, decimal usedAmount, long version)
    {
        lock (_lock)
        {
            // Usage recovered from the spool after a restart was never unsettled here.
            _unsettledSeconds = Math.Max(0, _unsettledSeconds - seconds);
            _unsettledAmount = Math.Max(0m, _unsettledAmount - amount);
            Observe(usedSeconds, usedAmount, version);
        }
    }

    /// <summary>The refresher read the subscription again: an operator may have changed the package's allowances.</summary>
    internal void Update(AllowanceTerms terms)
    {
        _shape = new Shape(terms);
        Observe(terms.UsedSeconds, terms.UsedAmount, terms.UsageVersion);
    }

    /// <summary>Takes the stored totals when they are newer than the ones held (see <see cref="AccountBudgets"/>).</summary>
    internal void Observe(long usedSeconds, decimal usedAmount, long version)
    {
        lock (_lock)
        {
            if (version > _usageVersion)
            {
                _usedSeconds = usedSeconds;
                _usedAmount = usedAmount;
                _usageVersion = version;
            }
        }
    }

    private sealed class Shape
    {
        public Shape(AllowanceTerms terms)
        {
            Terms = terms;
            var prefixes = terms.FreePrefixes.ToFrozenSet(StringComparer.Ordinal);
            Prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
            LongestPrefix = prefixes.Count == 0 ? 0 : prefixes.Max(p => p.Length);
        }

        public AllowanceTerms Terms { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Prefixes { get; }

        public int LongestPrefix { get; }
    }
}

using System.Collections.Frozen;
using Softswitch.Domain;
using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Billing;

/// <summary>
/// One rate table in memory: every prefix with all its periods, future ones included, so a deck with future effective
/// dates takes over at its instant with nothing to reload. A lookup tries the callee's prefixes longest first, each one
/// dictionary probe on a span of the callee: no allocation, and a handful of probes for a real number.
/// </summary>
public sealed class RateDeck
{
    private readonly FrozenDictionary<string, RatePeriod[]> _periods;
    private readonly FrozenDictionary<string, RatePeriod[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly int _longestPrefix;

    public RateDeck(string tenantId, string rateTableId, IEnumerable<Rate> rates, int chargeDecimals)
    {
        ArgumentNullException.ThrowIfNull(rates);
        TenantId = tenantId;
        RateTableId = rateTableId;
        _periods = rates
            .GroupBy(r => r.Prefix, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(r => r.EffectiveFrom).Select(r => RatePeriod.Of(r, chargeDecimals)).ToArray(),
                StringComparer.Ordinal);
        _byPrefix = _periods.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPrefix = _periods.Count == 0 ? 0 : _periods.Keys.Max(k => k.Length);
    }

    public string TenantId { get; }

    public string RateTableId { get; }

    public int PrefixCount => _periods.Count;

    /// <summary>The longest prefix of <paramref name="callee"/> with a rate in force at <paramref name="at"/>; null when none.</summary>
    public Tariff? Find(ReadOnlySpan<char> callee, DateTime at)
    {
        for (var length = Math.Min(callee.Length, _longestPrefix); length > 0; length--)
        {
            if (_byPrefix.TryGetValue(callee[..length], out var periods))
            {
                for (var i = periods.Length - 1; i >= 0; i--)
                {
                    if (periods[i].IsInForceAt(at))
                    {
                        return periods[i].Tariff;
                    }
                }
            }
        }

        return null;
    }

    private sealed record RatePeriod(DateTime From, DateTime? To, Tariff Tariff)
    {
        public static RatePeriod Of(Rate rate, int chargeDecimals) => new(
            rate.EffectiveFrom,
            rate.EffectiveTo,
            new Tariff(rate.Prefix, rate.PricePerMinute, rate.FirstIncrementSeconds, rate.NextIncrementSeconds, rate.ConnectFee, chargeDecimals));

        public bool IsInForceAt(DateTime at) => From <= at && (To is null || at < To);
    }
}

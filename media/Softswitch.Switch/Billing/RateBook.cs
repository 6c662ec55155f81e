using System.Collections.Frozen;
using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Billing;

/// <summary>Every tenant's rate tables, by rate table id; a lookup names the tenant, and a table of another tenant is not found.</summary>
public sealed class RateBook(IEnumerable<RateDeck> decks)
{
    private readonly FrozenDictionary<string, RateDeck> _decks = decks.ToFrozenDictionary(d => d.RateTableId, StringComparer.Ordinal);

    public static RateBook Empty { get; } = new([]);

    public int TableCount => _decks.Count;

    public Tariff? Find(string tenantId, string rateTableId, ReadOnlySpan<char> callee, DateTime at) =>
        _decks.TryGetValue(rateTableId, out var deck) && string.Equals(deck.TenantId, tenantId, StringComparison.Ordinal)
            ? deck.Find(callee, at)
            : null;
}

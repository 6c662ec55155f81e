using Softswitch.Sdk.Http;

namespace Softswitch.Sdk;

/// <summary>An account's ledger entries, optionally of one kind.</summary>
public sealed class LedgerEntryListOptions : ListOptions
{
    public LedgerEntryKind? Kind { get; init; }

    internal override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("kind", QueryString.Name(Kind))];
}

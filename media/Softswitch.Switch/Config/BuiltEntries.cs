using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>
/// The account and phone entries one snapshot build made, by the row object each was made from. The refresher's delta
/// read keeps unchanged rows as the same objects, so the next build takes their entries over (reference equality)
/// and makes entries only for changed rows: with tens of thousands of accounts or phones, making them all again on
/// every rebuild (twice a second while the API writes) kept that many new objects alive into each gen0 collection.
/// </summary>
/// <remarks>Rows must not be changed after a snapshot was built from them.</remarks>
internal sealed class BuiltEntries
{
    public Dictionary<Account, AccountEntry> Accounts { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<Phone, PhoneEntry> Phones { get; } = new(ReferenceEqualityComparer.Instance);
}

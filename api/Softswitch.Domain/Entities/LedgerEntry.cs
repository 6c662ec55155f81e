namespace Softswitch.Domain;

/// <summary>
/// One movement of an account's balance, append-only. <see cref="Sequence"/> counts the account's entries from 1, and
/// <see cref="BalanceAfter"/> is the balance once this entry applied, so the ledger can be audited line by line.
/// </summary>
public class LedgerEntry : TenantEntity
{
    public const int DescriptionMaxLength = 500;
    public const int ReferenceMaxLength = 100;
    public const int ActorMaxLength = 100;

    public string AccountId { get; set; } = "";

    public long Sequence { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>Signed: positive credits the account, negative debits it.</summary>
    public decimal Amount { get; set; }

    public decimal BalanceAfter { get; set; }

    /// <summary>The caller's own reference (an invoice or payment id), or the CDR id of a correction.</summary>
    public string? Reference { get; set; }

    public string? Description { get; set; }

    /// <summary>Who posted it: the API key id, or <c>switch</c> for call charges.</summary>
    public string Actor { get; set; } = "";

    /// <summary>For <see cref="LedgerEntryKind.CallCharges"/>: how many calls the entry charges.</summary>
    public int CallCount { get; set; }
}

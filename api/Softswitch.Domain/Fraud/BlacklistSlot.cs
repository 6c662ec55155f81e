namespace Softswitch.Domain.Fraud;

/// <summary>An entry as the table holds it in memory: a few words, so a million entries stay near 100 MB.</summary>
internal struct BlacklistSlot
{
    public long ExpiresAt;

    /// <summary>The rule that made the entry; null for one an operator added (or whose rule is gone).</summary>
    public FraudRuleSpec? Rule;

    public BlacklistEntryKind Kind;

    /// <summary>VOS3000 SS_BLACK_LIST_EXPIRE counts from the last attempt: each refused attempt moves the expiry.</summary>
    public bool ExtendsOnAttempt;
}

namespace Softswitch.Domain;

/// <summary>
/// A number (or account) on a tenant's dynamic blacklist, with its evidence: the rule and the counter that crossed
/// its level within the window, and the Call-IDs of the calls that made it. Written by the switch (off the call path)
/// or by an operator; the switch holds the active ones in memory and reloads them at start.
/// </summary>
public class DynamicBlacklistEntry : TenantEntity
{
    public const int ValueMaxLength = 64;
    public const int NoteMaxLength = 200;
    public const int MaxEvidence = 5;

    public BlacklistEntryKind Kind { get; set; }

    public BlacklistSubject Subject { get; set; }

    /// <summary>The number, or the account id for <see cref="BlacklistSubject.Account"/>.</summary>
    public string Value { get; set; } = "";

    /// <summary>Set for a standalone entry: it blocks only calls through this mapping gateway.</summary>
    public string? MappingGatewayId { get; set; }

    /// <summary>The rule that made the entry; null when an operator added it.</summary>
    public string? RuleId { get; set; }

    public FraudRuleKind? RuleKind { get; set; }

    /// <summary>The counter value that crossed the level.</summary>
    public int Count { get; set; }

    public int Level { get; set; }

    public int WindowSeconds { get; set; }

    /// <summary>Call-IDs of the last calls counted (at most <see cref="MaxEvidence"/>).</summary>
    public List<string> EvidenceCallIds { get; set; } = [];

    public DateTime BlockedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when an operator released the entry early.</summary>
    public DateTime? ReleasedAt { get; set; }

    public string? Note { get; set; }
}

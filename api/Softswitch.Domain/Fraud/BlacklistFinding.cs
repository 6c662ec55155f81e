namespace Softswitch.Domain.Fraud;

/// <summary>
/// A counter that crossed a rule's level, with its evidence: a warning, a would-block of a monitor-only rule, or a
/// block (with the entry it made, unless the rule's expiry is 0 or the table was full).
/// </summary>
public sealed record BlacklistFinding(
    string TenantId,
    BlacklistEventKind Kind,
    FraudRuleSpec Rule,
    BlacklistKey Key,
    int Count,
    int Level,
    DateTimeOffset At,
    IReadOnlyList<string> Evidence)
{
    public string? EntryId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

namespace Softswitch.Domain.Fraud;

/// <summary>A stored entry as the switch loads it: at start, and each time the API adds or releases one.</summary>
public readonly record struct BlacklistEntryState(BlacklistKey Key, BlacklistEntryKind Kind, DateTimeOffset ExpiresAt, string? RuleId);

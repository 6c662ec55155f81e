namespace Softswitch.Sdk;

/// <summary>A number or account on the tenant's dynamic blacklist (a block, or an allow entry after an early release), with the counts and calls that put it there.</summary>
public sealed class DynamicBlacklistEntry
{
    public required string Id { get; init; }

    public required BlacklistEntryKind Kind { get; init; }

    public required BlacklistSubject Subject { get; init; }

    public required string Value { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required string? RuleId { get; init; }

    public required FraudRuleKind? RuleKind { get; init; }

    public required int Count { get; init; }

    public required int Level { get; init; }

    public required int WindowSeconds { get; init; }

    public required IReadOnlyList<string> EvidenceCallIds { get; init; }

    public required DateTimeOffset BlockedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset? ReleasedAt { get; init; }

    public required string? Note { get; init; }

    public required bool Active { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

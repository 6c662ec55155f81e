namespace Softswitch.Sdk;

/// <summary>One thing that happened on the tenant's dynamic blacklist: a warning, a would-block of a monitor-only rule, a block, an addition, a release, an expiry or a counter reset.</summary>
public sealed class DynamicBlacklistEvent
{
    public required string Id { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required BlacklistEventKind Kind { get; init; }

    public required BlacklistSubject Subject { get; init; }

    public required string Value { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required string? RuleId { get; init; }

    public required string? EntryId { get; init; }

    public required int Count { get; init; }

    public required int Level { get; init; }

    public required int WindowSeconds { get; init; }

    public required DateTimeOffset? ExpiresAt { get; init; }

    public required IReadOnlyList<string> EvidenceCallIds { get; init; }
}

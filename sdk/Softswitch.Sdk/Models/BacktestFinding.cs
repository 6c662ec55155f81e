namespace Softswitch.Sdk;

/// <summary>A warning or block the replayed rule would have raised, and when.</summary>
public sealed class BacktestFinding
{
    public required BlacklistEventKind Kind { get; init; }

    public required BlacklistSubject Subject { get; init; }

    public required string Value { get; init; }

    public required string? MappingGatewayId { get; init; }

    public required int Count { get; init; }

    public required int Level { get; init; }

    public required DateTimeOffset At { get; init; }

    public required DateTimeOffset? ExpiresAt { get; init; }

    public required IReadOnlyList<string> EvidenceCallIds { get; init; }
}

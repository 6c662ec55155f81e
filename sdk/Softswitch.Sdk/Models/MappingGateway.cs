namespace Softswitch.Sdk;

/// <summary>Customer ingress recognised by source address (and tech prefix when set).</summary>
public sealed class MappingGateway
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> SourceAddresses { get; init; }

    public required string? TechPrefix { get; init; }

    public required IReadOnlyList<RewriteRule> CallerRewriteRules { get; init; }

    public required IReadOnlyList<RewriteRule> CalleeRewriteRules { get; init; }

    public required int? MaxConcurrentCalls { get; init; }

    public required int? MaxCallDurationSeconds { get; init; }

    public required int? MaxCallsPerSecond { get; init; }

    public required GatewayStatus Status { get; init; }

    public required NumberScreening NumberScreening { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

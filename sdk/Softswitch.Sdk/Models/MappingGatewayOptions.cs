namespace Softswitch.Sdk;

/// <summary>Creates or replaces a mapping gateway.</summary>
public sealed class MappingGatewayOptions
{
    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> SourceAddresses { get; init; }

    public string? TechPrefix { get; init; }

    public IReadOnlyList<RewriteRule>? CallerRewriteRules { get; init; }

    public IReadOnlyList<RewriteRule>? CalleeRewriteRules { get; init; }

    public int? MaxConcurrentCalls { get; init; }

    public int? MaxCallDurationSeconds { get; init; }

    public GatewayStatus? Status { get; init; }

    public int? MaxCallsPerSecond { get; init; }

    public NumberScreening? NumberScreening { get; init; }
}

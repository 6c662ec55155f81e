namespace Softswitch.Sdk;

/// <summary>A dynamic-blacklist rule: what it counts, over which window, and the levels at which it warns and blocks.</summary>
public sealed class FraudRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required FraudRuleKind Kind { get; init; }

    public required FraudRuleScope Scope { get; init; }

    public required IReadOnlyList<string> MappingGatewayIds { get; init; }

    public required int? WarningLevel { get; init; }

    public required int BlockingLevel { get; init; }

    public required int WindowSeconds { get; init; }

    public required int ExpireSeconds { get; init; }

    public required bool MonitorOnly { get; init; }

    public required bool Enabled { get; init; }

    public required int MinAnsweredSeconds { get; init; }

    public required int PrefixLength { get; init; }

    public required BlacklistSubject CountBy { get; init; }

    public required int ResponseCode { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

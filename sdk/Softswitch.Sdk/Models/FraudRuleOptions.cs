namespace Softswitch.Sdk;

/// <summary>Creates or replaces a dynamic-blacklist rule. <c>blocking_level</c> is required unless the kind is <c>scanner_destinations</c>; <c>window_seconds</c> unless it is <c>caller_concurrency</c> or <c>scanner_destinations</c>; <c>expire_seconds</c> when it is <c>scanner_destinations</c>.</summary>
public sealed class FraudRuleOptions
{
    public required string Name { get; init; }

    public required FraudRuleKind Kind { get; init; }

    public FraudRuleScope? Scope { get; init; }

    public IReadOnlyList<string>? MappingGatewayIds { get; init; }

    public int? WarningLevel { get; init; }

    public int? BlockingLevel { get; init; }

    public int? WindowSeconds { get; init; }

    public int? ExpireSeconds { get; init; }

    public bool? MonitorOnly { get; init; }

    public bool? Enabled { get; init; }

    public int? MinAnsweredSeconds { get; init; }

    public int? PrefixLength { get; init; }

    public BlacklistSubject? CountBy { get; init; }

    public int? ResponseCode { get; init; }
}

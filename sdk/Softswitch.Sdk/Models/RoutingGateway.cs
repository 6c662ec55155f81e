namespace Softswitch.Sdk;

/// <summary>Vendor egress. Lower priority is tried first; weight splits traffic within a priority.</summary>
public sealed class RoutingGateway
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    public required SipTransport Transport { get; init; }

    public required int Priority { get; init; }

    public required int Weight { get; init; }

    public required int StripDigits { get; init; }

    public required string? AddPrefix { get; init; }

    public required int? MaxConcurrentCalls { get; init; }

    public required int? MaxCallDurationSeconds { get; init; }

    public required int? NoAnswerTimeoutSeconds { get; init; }

    public required IReadOnlyList<int> FailoverCodes { get; init; }

    public required IReadOnlyList<int> StopCodes { get; init; }

    public required RedirectPolicy RedirectPolicy { get; init; }

    public required bool OptionsPing { get; init; }

    /// <summary>Seconds between OPTIONS pings while <see cref="OptionsPing"/> is on.</summary>
    public required int OptionsPingSeconds { get; init; }

    /// <summary>What OPTIONS pings say, as the API process's own switch sees it (unknown without one).</summary>
    public required GatewayHealth Health { get; init; }

    public required GatewayStatus Status { get; init; }

    public required NumberScreening NumberScreening { get; init; }

    public required int? MaxCallsPerSecond { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

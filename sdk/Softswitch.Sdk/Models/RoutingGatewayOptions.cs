namespace Softswitch.Sdk;

/// <summary>Creates or replaces a routing gateway.</summary>
public sealed class RoutingGatewayOptions
{
    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required string Host { get; init; }

    public int? Port { get; init; }

    public SipTransport? Transport { get; init; }

    public int? Priority { get; init; }

    public int? Weight { get; init; }

    public int? StripDigits { get; init; }

    public string? AddPrefix { get; init; }

    public int? MaxConcurrentCalls { get; init; }

    public int? MaxCallDurationSeconds { get; init; }

    public int? NoAnswerTimeoutSeconds { get; init; }

    public IReadOnlyList<int>? FailoverCodes { get; init; }

    public IReadOnlyList<int>? StopCodes { get; init; }

    public RedirectPolicy? RedirectPolicy { get; init; }

    public bool? OptionsPing { get; init; }

    /// <summary>Seconds between OPTIONS pings (1-3600; default 30).</summary>
    public int? OptionsPingSeconds { get; init; }

    public GatewayStatus? Status { get; init; }

    public NumberScreening? NumberScreening { get; init; }

    public int? MaxCallsPerSecond { get; init; }
}

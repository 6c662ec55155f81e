using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A routing gateway: vendor egress. Lower priority is tried first; weight splits traffic within a priority.</summary>
public sealed record RoutingGatewayResponse(
    string Id, string AccountId, string Name, string Host, int Port, SipTransport Transport, int Priority, int Weight,
    int StripDigits, string? AddPrefix, int? MaxConcurrentCalls, int? MaxCallDurationSeconds, int? NoAnswerTimeoutSeconds,
    IReadOnlyList<int> FailoverCodes, IReadOnlyList<int> StopCodes, RedirectPolicy RedirectPolicy, bool OptionsPing,
    GatewayStatus Status, NumberScreeningDto NumberScreening, int? MaxCallsPerSecond, DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    /// <summary>Seconds between OPTIONS pings while <c>options_ping</c> is on (1-3600, default 30).</summary>
    public required int OptionsPingSeconds { get; init; }

    /// <summary>
    /// What OPTIONS pings say, as the switch of this process sees it: <c>unknown</c> when pinging is off, before the
    /// first verdict, or when this process does not run the switch role.
    /// </summary>
    public required GatewayHealthDto Health { get; init; }
}

/// <summary>A gateway's OPTIONS health and since when (null when unknown).</summary>
public sealed record GatewayHealthDto(GatewayHealthStatus Status, DateTime? Since);

/// <summary>
/// Creates or replaces a routing gateway. Omitted <c>failover_codes</c> default to 408, 500, 502, 503, 504 and
/// omitted <c>stop_codes</c> to 486, 600, 603.
/// </summary>
public sealed record RoutingGatewayRequest(
    string? AccountId, string? Name, string? Host, int? Port, SipTransport? Transport, int? Priority, int? Weight,
    int? StripDigits, string? AddPrefix, int? MaxConcurrentCalls, int? MaxCallDurationSeconds, int? NoAnswerTimeoutSeconds,
    List<int>? FailoverCodes, List<int>? StopCodes, RedirectPolicy? RedirectPolicy, bool? OptionsPing, GatewayStatus? Status,
    NumberScreeningDto? NumberScreening = null, int? MaxCallsPerSecond = null, int? OptionsPingSeconds = null);

public static class RoutingGatewayMapping
{
    public static RoutingGatewayResponse AsResponse(this RoutingGateway g, IGatewayHealthView health)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(health);
        var reading = g.OptionsPing && g.Status == GatewayStatus.Active ? health.Read(g.TenantId, g.Id) : GatewayHealthReading.Unknown;
        return new(
            g.Id, g.AccountId, g.Name, g.Host, g.Port, g.Transport, g.Priority, g.Weight, g.StripDigits, g.AddPrefix,
            g.MaxConcurrentCalls, g.MaxCallDurationSeconds, g.NoAnswerTimeoutSeconds, g.FailoverCodes, g.StopCodes,
            g.RedirectPolicy, g.OptionsPing, g.Status, g.NumberScreening.AsDto(), g.MaxCallsPerSecond, g.CreatedAt, g.UpdatedAt, g.Version)
        {
            OptionsPingSeconds = g.OptionsPingSeconds,
            Health = new GatewayHealthDto(reading.Status, reading.Since),
        };
    }

    public static Func<RoutingGateway, RoutingGatewayResponse> Mapping(this IGatewayHealthView health) => g => g.AsResponse(health);
}

/// <summary>The health view of a process without the switch role: every gateway reads unknown.</summary>
public sealed class NoSwitchGatewayHealth : IGatewayHealthView
{
    public static NoSwitchGatewayHealth Instance { get; } = new();

    public GatewayHealthReading Read(string tenantId, string routingGatewayId) => GatewayHealthReading.Unknown;
}

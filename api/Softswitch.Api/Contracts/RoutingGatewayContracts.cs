using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A routing gateway: vendor egress. Lower priority is tried first; weight splits traffic within a priority.</summary>
public sealed record RoutingGatewayResponse(
    string Id, string AccountId, string Name, string Host, int Port, SipTransport Transport, int Priority, int Weight,
    int StripDigits, string? AddPrefix, int? MaxConcurrentCalls, int? MaxCallDurationSeconds, int? NoAnswerTimeoutSeconds,
    IReadOnlyList<int> FailoverCodes, IReadOnlyList<int> StopCodes, RedirectPolicy RedirectPolicy, bool OptionsPing,
    GatewayStatus Status, NumberScreeningDto NumberScreening, int? MaxCallsPerSecond, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>
/// Creates or replaces a routing gateway. Omitted <c>failover_codes</c> default to 408, 500, 502, 503, 504 and
/// omitted <c>stop_codes</c> to 486, 600, 603.
/// </summary>
public sealed record RoutingGatewayRequest(
    string? AccountId, string? Name, string? Host, int? Port, SipTransport? Transport, int? Priority, int? Weight,
    int? StripDigits, string? AddPrefix, int? MaxConcurrentCalls, int? MaxCallDurationSeconds, int? NoAnswerTimeoutSeconds,
    List<int>? FailoverCodes, List<int>? StopCodes, RedirectPolicy? RedirectPolicy, bool? OptionsPing, GatewayStatus? Status,
    NumberScreeningDto? NumberScreening = null, int? MaxCallsPerSecond = null);

public static class RoutingGatewayMapping
{
    public static RoutingGatewayResponse AsResponse(this RoutingGateway g) => new(
        g.Id, g.AccountId, g.Name, g.Host, g.Port, g.Transport, g.Priority, g.Weight, g.StripDigits, g.AddPrefix,
        g.MaxConcurrentCalls, g.MaxCallDurationSeconds, g.NoAnswerTimeoutSeconds, g.FailoverCodes, g.StopCodes,
        g.RedirectPolicy, g.OptionsPing, g.Status, g.NumberScreening.AsDto(), g.MaxCallsPerSecond, g.CreatedAt, g.UpdatedAt, g.Version);
}

namespace Softswitch.Domain;

/// <summary>
/// A routing gateway's health changed on a switch: down after consecutive OPTIONS timeouts, up at the next answer,
/// unknown when it is no longer pinged (disabled, deleted, pinging turned off). The <c>gateway_down</c> alarm reads
/// the latest per gateway; the gateway id is a plain value, so the history outlives the gateway.
/// </summary>
public class GatewayHealthEvent : TenantEntity
{
    public const int RetentionDays = 90;

    public string RoutingGatewayId { get; set; } = "";

    public GatewayHealthStatus Status { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>The pings in a row that timed out when it went down (0 for up and unknown).</summary>
    public int ConsecutiveTimeouts { get; set; }
}

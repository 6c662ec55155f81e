using System.ComponentModel.DataAnnotations;

namespace Softswitch.Media.Health;

/// <summary><c>Softswitch:Health</c>: OPTIONS pinging of vendors and routing servers, and the routing servers' circuit breaker.</summary>
public sealed class PeerHealthOptions
{
    public const string Section = "Softswitch:Health";

    /// <summary>Consecutive unanswered pings that mark a peer down (one answer marks it up).</summary>
    [Range(1, 100)]
    public int DownAfterTimeouts { get; set; } = 3;

    /// <summary>Pings of each kind (vendors, routing servers) sent a second at most; the others wait a second.</summary>
    [Range(1, 10_000)]
    public int MaxPingsPerSecond { get; set; } = 200;

    /// <summary>Seconds between two pings of one SIP routing server; 0 turns their pinging off (the breaker still applies).</summary>
    [Range(0, 3600)]
    public int RoutingServerPingSeconds { get; set; } = 30;

    /// <summary>Consecutive failures (timeout or 5xx) of a routing server that open its circuit.</summary>
    [Range(1, 1000)]
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit skips its server before one query probes it.</summary>
    [Range(1, 3600)]
    public int BreakerCoolDownSeconds { get; set; } = 30;
}

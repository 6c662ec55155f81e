namespace Softswitch.Domain;

/// <summary>What OPTIONS pings say about a peer (a routing gateway, a SIP routing server).</summary>
public enum GatewayHealthStatus
{
    /// <summary>Not pinged (pinging off, not answered or timed out yet, or no switch in this process).</summary>
    Unknown,

    /// <summary>Answered its last ping (any SIP response counts: RFC 3261 §11.2).</summary>
    Up,

    /// <summary>Its last consecutive pings timed out: routing skips it.</summary>
    Down,
}

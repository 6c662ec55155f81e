using Softswitch.Domain;

namespace Softswitch.Switch.Health;

/// <summary>
/// One peer's health: unknown until the first verdict; one answer (any SIP response, RFC 3261 §11.2: a UA answers
/// OPTIONS as it would an INVITE, so 404, 405 and 501 mean alive) makes it up; <c>downAfter</c> consecutive timeouts
/// make it down. Not thread-safe: the board updates it under its lock; the call path reads <see cref="Status"/> alone.
/// </summary>
internal sealed class PeerHealthState
{
    private volatile int _status;

    public GatewayHealthStatus Status => (GatewayHealthStatus)_status;

    public DateTimeOffset? Since { get; private set; }

    public int ConsecutiveTimeouts { get; private set; }

    /// <summary>The new status when the answer changed it, else null.</summary>
    public GatewayHealthStatus? Answered(DateTimeOffset now)
    {
        ConsecutiveTimeouts = 0;
        return Become(GatewayHealthStatus.Up, now);
    }

    /// <summary>The new status when this timeout made the peer down, else null.</summary>
    public GatewayHealthStatus? TimedOut(DateTimeOffset now, int downAfter)
    {
        ConsecutiveTimeouts++;
        return ConsecutiveTimeouts >= downAfter ? Become(GatewayHealthStatus.Down, now) : null;
    }

    private GatewayHealthStatus? Become(GatewayHealthStatus status, DateTimeOffset now)
    {
        if (Status == status)
        {
            return null;
        }

        _status = (int)status;
        Since = now;
        return status;
    }
}

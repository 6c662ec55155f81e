using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Health;

/// <summary>
/// Whether the redirect client asks a routing server: not while OPTIONS pings say it is down (SIP servers only;
/// HTTP servers are not pinged), nor while its circuit is open. Each answer feeds the circuit.
/// </summary>
public sealed class RoutingServerHealth(PeerHealthBoard pings, RoutingServerBreaker breaker)
{
    public PeerHealthBoard Pings { get; } = pings;

    public RoutingServerBreaker Breaker { get; } = breaker;

    public bool TryPass(string tenantId, RoutingServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var key = new PeerKey(tenantId, server.Address);
        if (server.Sip is not null && Pings.IsDown(key))
        {
            Pings.Skipped();
            return false;
        }

        return Breaker.TryPass(key);
    }

    /// <param name="ownTimeout">The server's own timeout fired (not the profile's deadline, not the caller's CANCEL).</param>
    /// <param name="givenUp">The query was given up before an answer for another reason (deadline, CANCEL).</param>
    public void Report(string tenantId, RoutingServer server, RoutingServerAnswer answer, bool ownTimeout, bool givenUp)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(answer);
        var key = new PeerKey(tenantId, server.Address);
        if (answer.StatusCode >= 500 || (ownTimeout && answer.StatusCode == 408))
        {
            Breaker.Failed(key);
        }
        else if (givenUp)
        {
            Breaker.Abandoned(key);
        }
        else
        {
            Breaker.Succeeded(key);
        }
    }
}

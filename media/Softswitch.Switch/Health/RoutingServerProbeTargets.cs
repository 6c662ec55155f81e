using Softswitch.Sip.Transport;
using Softswitch.Switch.Redirect;

namespace Softswitch.Switch.Health;

/// <summary>Every SIP routing server of the tenants' enabled redirect profiles (HTTP servers are not pinged).</summary>
public sealed class RoutingServerProbeTargets(RedirectProfileSource profiles, TimeSpan interval) : IProbeTargetSource
{
    public object Version => profiles.Current;

    public IEnumerable<ProbeTarget> Targets(object version) =>
        ((RedirectProfiles)version).All
            .SelectMany(p => p.Settings.Servers.Select(s => (p.TenantId, Server: s)))
            .Where(p => p.Server.Sip is not null)
            .Select(p => new ProbeTarget(
                new PeerKey(p.TenantId, p.Server.Address), p.Server.Sip!.Host, p.Server.Sip.Port ?? 5060,
                string.Equals(p.Server.Sip.Transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp,
                interval));
}

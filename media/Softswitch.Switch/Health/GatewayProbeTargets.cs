using Softswitch.Sip.Transport;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Health;

/// <summary>The active routing gateways of every tenant whose <c>options_ping</c> is on, from the current snapshot.</summary>
public sealed class GatewayProbeTargets(ISwitchConfigSource config) : IProbeTargetSource
{
    public object Version => config.Current;

    public IEnumerable<ProbeTarget> Targets(object version) =>
        ((SwitchConfigSnapshot)version).Tenants.Values
            .SelectMany(t => t.RoutingGateways.Values)
            .Where(g => g.OptionsPing)
            .Select(g => new ProbeTarget(
                new PeerKey(g.TenantId, g.Id), g.Host, g.Port,
                g.Transport == Domain.SipTransport.Tcp ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp,
                TimeSpan.FromSeconds(g.OptionsPingSeconds)));
}

using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Health;

/// <summary>
/// One OPTIONS in its own non-INVITE client transaction from the switch's own socket (so a peer that filters by
/// source sees the address it knows). The answer is whatever final response comes; silence ends at Timer F (64×T1,
/// RFC 3261 §17.1.2.2), and the transaction layer's local 408 or 503 is a timeout.
/// </summary>
public sealed class SipOptionsProbe : IOptionsProbe
{
    private readonly SipTransactionLayer _layer;
    private readonly GatewayAddressResolver _resolver;
    private readonly string _userAgent;

    public SipOptionsProbe(SipTransactionLayer layer, TimeProvider time, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layer = layer;
        _resolver = new GatewayAddressResolver(time);
        _userAgent = userAgent;
    }

    public async Task<bool> ProbeAsync(ProbeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (await _resolver.ResolveAsync(target.Host, target.Port).ConfigureAwait(false) is not { } destination)
        {
            return false;
        }

        var local = _layer.Transport.AdvertisedEndPoint.Address.ToString();
        var uri = new SipUri
        {
            Scheme = SipUri.SipScheme, Host = target.Host, Port = target.Port,
            Parameters = target.Protocol == SipTransportProtocol.Tcp ? SipParameters.Empty.With("transport", "tcp") : SipParameters.Empty,
        };
        var from = new SipNameAddress { Uri = new SipUri { Scheme = SipUri.SipScheme, User = "ping", Host = local } }.WithTag(SipIdentifiers.NewTag());
        var request = SipRequest.Create(SipMethods.Options, uri, from, new SipNameAddress { Uri = uri with { Parameters = SipParameters.Empty } }, SipIdentifiers.NewCallId(local), 1);
        request.Headers.Add(SipHeaderKind.UserAgent, _userAgent);
        var transaction = _layer.SendRequest(request, new SipEndPoint(target.Protocol, destination));
        var response = await transaction.FinalResponse.ConfigureAwait(false);
        return !response.IsLocal;
    }
}

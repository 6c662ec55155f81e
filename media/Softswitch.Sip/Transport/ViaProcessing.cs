using System.Globalization;
using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Server-side Via handling: stamping the real source on requests and choosing where responses go. Nothing a sender
/// writes in its Via (received, rport, maddr, sent-by host) can send a response anywhere but back to that sender.
/// </summary>
public static class ViaProcessing
{
    /// <summary>
    /// RFC 3261 §18.2.1 and RFC 3581 §4: <c>received</c> always carries the packet's source address, and an
    /// <c>rport</c> parameter (with or without a value) the source port. A sender-supplied <c>received</c> or
    /// <c>rport</c> value is overwritten, so no later hop or log trusts what the sender claimed.
    /// </summary>
    public static void StampSource(SipRequest request, SipEndPoint source)
    {
        var via = request.TopVia;
        var sourceAddress = source.EndPoint.Address.IsIPv4MappedToIPv6 ? source.EndPoint.Address.MapToIPv4() : source.EndPoint.Address;
        var updated = via.WithParameter("received", sourceAddress.ToString());
        if (via.HasRPort)
        {
            updated = updated.WithParameter("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        request.ReplaceTopVia(updated);
    }

    /// <summary>
    /// Where a response goes when the request's connection (if any) is gone. UDP: the packet source address and
    /// port, always — symmetric response routing as RFC 3581 gives with rport, applied to every request, because a
    /// Via's maddr, received or sent-by host would let anyone reflect responses at a third party (RFC 3261 §26.3.1).
    /// TCP: a new connection to the source address at the sent-by port (RFC 3261 §18.2.2), never to another host.
    /// </summary>
    public static SipEndPoint ResponseDestination(SipVia via, SipEndPoint requestSource)
    {
        ArgumentNullException.ThrowIfNull(via);
        if (requestSource.Protocol == SipTransportProtocol.Udp)
        {
            return requestSource;
        }

        var port = via.Port is >= IPEndPoint.MinPort and <= IPEndPoint.MaxPort and > 0 ? via.Port.Value : 5060;
        return new SipEndPoint(requestSource.Protocol, new IPEndPoint(requestSource.EndPoint.Address, port));
    }
}

using System.Globalization;
using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>Server-side Via handling: stamping the source address on requests and routing responses back.</summary>
public static class ViaProcessing
{
    /// <summary>
    /// RFC 3261 §18.2.1: add <c>received</c> when the sent-by host differs from the packet source.
    /// RFC 3581 §4: when <c>rport</c> is present without a value, fill in the source port and always add <c>received</c>.
    /// </summary>
    public static void StampSource(SipRequest request, SipEndPoint source)
    {
        var via = request.TopVia;
        var sourceAddress = source.EndPoint.Address.IsIPv4MappedToIPv6 ? source.EndPoint.Address.MapToIPv4() : source.EndPoint.Address;
        var updated = via;
        var fillRPort = via.HasRPort && via.RPort is null;
        if (fillRPort || !IPAddress.TryParse(via.HostAddress(), out var sentBy) || !sentBy.Equals(sourceAddress))
        {
            updated = updated.WithParameter("received", sourceAddress.ToString());
        }

        if (fillRPort)
        {
            updated = updated.WithParameter("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        if (!ReferenceEquals(updated, via))
        {
            request.ReplaceTopVia(updated);
        }
    }

    /// <summary>
    /// RFC 3261 §18.2.2 (with RFC 3581 §4): where to send a response when no connection to the request source
    /// is open. Uses maddr, then received/rport, then sent-by; the request source fills any gap.
    /// </summary>
    public static SipEndPoint ResponseDestination(SipVia via, SipEndPoint requestSource)
    {
        var protocol = string.Equals(via.Transport, "UDP", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Udp : SipTransportProtocol.Tcp;
        var defaultPort = via.Port ?? 5060;
        if (via.Maddr is { } maddr && IPAddress.TryParse(maddr, out var multicast))
        {
            return new SipEndPoint(protocol, new IPEndPoint(multicast, defaultPort));
        }

        var address = via.Received is { } received && IPAddress.TryParse(received.Trim('[', ']'), out var receivedAddress)
            ? receivedAddress
            : IPAddress.TryParse(via.HostAddress(), out var sentBy) ? sentBy : requestSource.EndPoint.Address;
        var port = via.RPort ?? (via.HasRPort ? requestSource.EndPoint.Port : defaultPort);
        return new SipEndPoint(protocol, new IPEndPoint(address, port));
    }

    private static string HostAddress(this SipVia via) => via.Host.StartsWith('[') ? via.Host[1..^1] : via.Host;
}

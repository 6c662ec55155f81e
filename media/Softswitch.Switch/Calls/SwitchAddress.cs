using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Transport;

namespace Softswitch.Switch.Calls;

/// <summary>
/// How the switch names itself in its calls' signalling: the host of its Call-IDs and URIs and its Contact per
/// transport. Built from the transport's advertised address once, not for every call, and again only if it changes.
/// </summary>
internal sealed class SwitchAddress(ISipTransport transport)
{
    private Names? _names;

    public string Host => Current.Host;

    public string Contact(SipTransportProtocol protocol) => protocol == SipTransportProtocol.Tcp ? Current.TcpContact : Current.UdpContact;

    private Names Current
    {
        get
        {
            var endPoint = transport.AdvertisedEndPoint;
            var names = Volatile.Read(ref _names);
            if (names is null || !names.EndPoint.Equals(endPoint))
            {
                names = Names.For(endPoint);
                Volatile.Write(ref _names, names);
            }

            return names;
        }
    }

    private sealed record Names(IPEndPoint EndPoint, string Host, string UdpContact, string TcpContact)
    {
        public static Names For(IPEndPoint endPoint)
        {
            var address = endPoint.Address;
            var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            var port = endPoint.Port.ToString(CultureInfo.InvariantCulture);
            return new Names(endPoint, host, string.Concat("<sip:", host, ":", port, ">"), string.Concat("<sip:", host, ":", port, ";transport=tcp>"));
        }
    }
}

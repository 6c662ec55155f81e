using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>A remote or local address together with the transport used to reach it.</summary>
public readonly record struct SipEndPoint(SipTransportProtocol Protocol, IPEndPoint EndPoint)
{
    /// <summary>RFC 3261 §17.1.1.2: reliable transports need no retransmission timers.</summary>
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;

    /// <summary>The Via transport token (RFC 3261 §20.42).</summary>
    public string ViaTransport => Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP";

    public static SipEndPoint Udp(IPEndPoint endPoint) => new(SipTransportProtocol.Udp, endPoint);

    public static SipEndPoint Tcp(IPEndPoint endPoint) => new(SipTransportProtocol.Tcp, endPoint);

    public override string ToString() => string.Concat(ViaTransport, ":", EndPoint.ToString());
}

namespace Softswitch.Sip.Transport;

/// <summary>Transport protocols the stack runs on (RFC 3261 §18).</summary>
public enum SipTransportProtocol
{
    Udp,
    Tcp,
}

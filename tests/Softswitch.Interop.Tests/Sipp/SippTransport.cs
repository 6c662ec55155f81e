namespace Softswitch.Interop.Tests.Sipp;

/// <summary>How SIPp carries SIP: one UDP socket (<c>-t u1</c>) or one TCP connection (<c>-t t1</c>).</summary>
public enum SippTransport
{
    Udp,
    Tcp,
}

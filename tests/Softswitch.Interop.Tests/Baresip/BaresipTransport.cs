namespace Softswitch.Interop.Tests.Baresip;

/// <summary>The transport of the phone's outbound route: every request it sends, REGISTER and INVITE alike, uses it.</summary>
public enum BaresipTransport
{
    Udp,
    Tcp,
}

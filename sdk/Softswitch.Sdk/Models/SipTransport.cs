namespace Softswitch.Sdk;

public enum SipTransport
{
    Udp,
    Tcp,
}

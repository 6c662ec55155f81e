namespace Softswitch.Domain;

public enum SipTransport
{
    Udp,
    Tcp,
}

using System.Net;

namespace Softswitch.Sip.Transport;

public sealed record SipTransportOptions
{
    /// <summary>Address and port for both UDP and TCP; port 0 picks a free port shared by both.</summary>
    public IPEndPoint ListenEndPoint { get; init; } = new(IPAddress.Any, 5060);

    public bool EnableUdp { get; init; } = true;

    public bool EnableTcp { get; init; } = true;

    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

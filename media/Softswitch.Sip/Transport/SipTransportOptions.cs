using System.Net;

namespace Softswitch.Sip.Transport;

public sealed record SipTransportOptions
{
    /// <summary>Address and port for both UDP and TCP; port 0 picks a free port shared by both.</summary>
    public IPEndPoint ListenEndPoint { get; init; } = new(IPAddress.Any, 5060);

    /// <summary>
    /// The address peers reach us at, put in Via sent-by (e.g. the public address in front of a wildcard listener).
    /// When null: the listen address if it is not a wildcard, else the machine's first up non-loopback address of the
    /// listen family, else loopback. See <see cref="ISipTransport.AdvertisedEndPoint"/>.
    /// </summary>
    public IPAddress? AdvertisedAddress { get; init; }

    public bool EnableUdp { get; init; } = true;

    public bool EnableTcp { get; init; } = true;

    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

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

    /// <summary>
    /// UDP sockets (and receive loops) sharing the port through SO_REUSEPORT (Linux only; one elsewhere). One per core
    /// keeps every core reading without a hand-off between threads.
    /// </summary>
    public int UdpReceivers { get; init; } = Environment.ProcessorCount;

    /// <summary>SO_RCVBUF and SO_SNDBUF of each UDP socket, capped by the kernel at net.core.rmem_max / wmem_max.</summary>
    public int UdpSocketBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// TCP connections open at once, accepted and initiated. 8,192 is far above what a switch's trunks and TCP phones
    /// need; the switch lowers it further when the process's descriptor limit is smaller, so a connection flood cannot
    /// starve UDP or the database of sockets, nor reach EMFILE.
    /// </summary>
    public int MaxTcpConnections { get; init; } = 8_192;

    /// <summary>
    /// TCP connections from one source address. 256 leaves room for an office NAT with a few hundred TCP phones, while
    /// one attacker address can hold at most this many.
    /// </summary>
    public int MaxTcpConnectionsPerSource { get; init; } = 256;

    /// <summary>
    /// A TCP connection that sends nothing (not even a CRLF keep-alive) for this long is closed. RFC 5626 §4.4.1 has
    /// clients ping every 95–120 s, so 300 s spares every compliant flow; the peer reconnects for a later request.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Once a message's first byte arrives, the whole message must arrive within this time, or the connection is
    /// closed (the slowloris guard). A SIP message is a few kilobytes: 10 s is generous for any live link.
    /// </summary>
    public TimeSpan TcpMessageReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait after a socket error on a receive or accept loop; it doubles up to one second.</summary>
    public TimeSpan SocketErrorBackoff { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Drops input from sources the anti-fraud layer has banned, before parsing; null admits every source.</summary>
    public ISipSourceGate? SourceGate { get; init; }

    public void Validate()
    {
        Parser.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(UdpReceivers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(UdpSocketBufferBytes, 64 * 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTcpConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTcpConnectionsPerSource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpIdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpMessageReadTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SocketErrorBackoff, TimeSpan.Zero);
    }
}

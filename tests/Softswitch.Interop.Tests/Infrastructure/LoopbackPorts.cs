using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Interop.Tests.Infrastructure;

/// <summary>
/// Free ports on 127.0.0.1 for the SIPp and baresip processes and the switch, never the same number twice in this test
/// run, and whether a port is bound yet (read from Linux's /proc/net tables, since a UDP port cannot be probed without
/// talking to its owner).
/// </summary>
internal static class LoopbackPorts
{
    private const int MaxTries = 50;
    private static readonly ConcurrentDictionary<int, bool> Issued = new();

    /// <param name="protocol"><see cref="ProtocolType.Udp"/> or <see cref="ProtocolType.Tcp"/>.</param>
    public static int Free(ProtocolType protocol) => Reserve(protocol);

    /// <summary>A UDP port whose neighbour two above is free too: SIPp binds both for audio and video RTP.</summary>
    public static int FreeMediaPair() => Reserve(ProtocolType.Udp, (2, ProtocolType.Udp));

    /// <summary>
    /// A port for baresip's <c>sip_listen</c>: it binds the port on UDP and TCP, and the next port on TCP for SIP over TLS.
    /// </summary>
    public static int FreeSipListen() => Reserve(ProtocolType.Udp, (0, ProtocolType.Tcp), (1, ProtocolType.Tcp));

    /// <param name="protocol"><see cref="ProtocolType.Udp"/> or <see cref="ProtocolType.Tcp"/>.</param>
    public static bool IsBound(ProtocolType protocol, int port)
    {
        // Columns: sl local_address rem_address st ...; TCP 0A is LISTEN, UDP 07 is an unconnected bound socket.
        var (table, state) = protocol switch
        {
            ProtocolType.Tcp => ("/proc/net/tcp", "0A"),
            ProtocolType.Udp => ("/proc/net/udp", "07"),
            _ => throw Unsupported(protocol),
        };
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = columns[1];
            var localPort = int.Parse(local.AsSpan(local.IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (columns[3] == state && localPort == port)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A port the kernel hands out on <paramref name="protocol"/> whose <paramref name="neighbours"/> (offset and protocol)
    /// are free as well; the port and its neighbours are then never issued again.
    /// </summary>
    private static int Reserve(ProtocolType protocol, params (int Offset, ProtocolType Protocol)[] neighbours)
    {
        for (var i = 0; i < MaxTries; i++)
        {
            var port = Ephemeral(protocol);
            if (neighbours.All(neighbour => IsFree(neighbour.Protocol, port + neighbour.Offset))
                && neighbours.Select(neighbour => port + neighbour.Offset).Prepend(port).Distinct().All(Issue))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No usable loopback {protocol} port after {MaxTries} tries.");
    }

    /// <summary>False when the port was issued before; a candidate that loses this way keeps its other numbers issued, harmlessly.</summary>
    private static bool Issue(int port) => Issued.TryAdd(port, true);

    private static int Ephemeral(ProtocolType protocol)
    {
        using var socket = Open(protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool IsFree(ProtocolType protocol, int port)
    {
        if (port > IPEndPoint.MaxPort)
        {
            return false;
        }

        using var socket = Open(protocol);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }

    private static Socket Open(ProtocolType protocol) => protocol switch
    {
        ProtocolType.Udp => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp),
        ProtocolType.Tcp => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp),
        _ => throw Unsupported(protocol),
    };

    private static ArgumentOutOfRangeException Unsupported(ProtocolType protocol) =>
        new(nameof(protocol), protocol, "Loopback ports are UDP or TCP.");
}

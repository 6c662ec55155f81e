using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>
/// Free loopback ports for SIPp processes, never the same one twice in this test run, and whether a port is bound
/// yet (read from Linux's /proc/net tables, since a UDP port cannot be probed without talking to its owner).
/// </summary>
internal static class LoopbackPorts
{
    private const int MaxTries = 50;
    private static readonly ConcurrentDictionary<int, bool> Issued = new();

    public static int Free(SippTransport transport)
    {
        for (var i = 0; i < MaxTries; i++)
        {
            var port = Ephemeral(transport);
            if (Issued.TryAdd(port, true))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback {transport} port after {MaxTries} tries.");
    }

    /// <summary>A UDP port whose neighbour two above is free too: SIPp binds both for audio and video RTP.</summary>
    public static int FreeMediaPair()
    {
        for (var i = 0; i < MaxTries; i++)
        {
            var port = Free(SippTransport.Udp);
            if (port + 2 <= IPEndPoint.MaxPort && IsFree(port + 2) && Issued.TryAdd(port + 2, true))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free pair of loopback UDP ports after {MaxTries} tries.");
    }

    public static bool IsBound(SippTransport transport, int port)
    {
        // Columns: sl local_address rem_address st ...; TCP 0A is LISTEN, UDP 07 is an unconnected bound socket.
        var (table, state) = transport == SippTransport.Tcp ? ("/proc/net/tcp", "0A") : ("/proc/net/udp", "07");
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

    private static int Ephemeral(SippTransport transport)
    {
        using var socket = transport == SippTransport.Tcp
            ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool IsFree(int udpPort)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, udpPort));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}

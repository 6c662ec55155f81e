using System.Net;
using System.Net.Sockets;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// Ports on 127.0.0.1 that nothing holds at the moment of asking. The kernel picks the candidates from its ephemeral
/// range, so tests running side by side rarely ask for the same one.
/// </summary>
internal static class LoopbackPorts
{
    private const int Attempts = 50;

    /// <summary>
    /// A port for baresip's <c>sip_listen</c>: it binds the port on UDP and TCP, and the next port on TCP for SIP over TLS.
    /// </summary>
    public static int ForBaresipSip() =>
        Find(port => port < IPEndPoint.MaxPort && IsFreeOnTcp(port) && IsFreeOnTcp(port + 1));

    public static int ForTcp(params int[] taken) =>
        Find(port => !taken.Contains(port) && IsFreeOnTcp(port));

    public static int ForUdp(params int[] taken) => Find(port => !taken.Contains(port));

    /// <summary>Each candidate comes from binding UDP port 0, so it is free on UDP; <paramref name="isUsable"/> checks the rest.</summary>
    private static int Find(Func<int, bool> isUsable)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            if (isUsable(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No usable loopback port found in {Attempts} attempts.");
    }

    private static bool IsFreeOnTcp(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }
}

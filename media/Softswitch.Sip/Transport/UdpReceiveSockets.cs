using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>
/// The UDP sockets one listening port is read through. On Linux, <see cref="SipTransportOptions.UdpReceivers"/>
/// sockets share the port with SO_REUSEPORT, each with its own receive loop: the kernel spreads datagrams over them by
/// the sender's address and port, so one peer's datagrams always reach the same loop, in order, while different peers
/// are read in parallel. Elsewhere, one socket.
/// </summary>
internal static class UdpReceiveSockets
{
    // SOL_SOCKET / SO_REUSEPORT on Linux (asm-generic/socket.h); .NET has no named option for it.
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    public static Socket[] Bind(IPEndPoint endPoint, SipTransportOptions options)
    {
        var count = OperatingSystem.IsLinux() ? options.UdpReceivers : 1;
        var sockets = new List<Socket>(count);
        try
        {
            var first = Open(endPoint, options, shared: count > 1);
            sockets.Add(first);
            var bound = (IPEndPoint)first.LocalEndPoint!;
            for (var i = 1; i < count; i++)
            {
                sockets.Add(Open(bound, options, shared: true));
            }

            return [.. sockets];
        }
        catch
        {
            sockets.ForEach(socket => socket.Dispose());
            throw;
        }
    }

    private static Socket Open(IPEndPoint endPoint, SipTransportOptions options, bool shared)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (shared)
            {
                socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            }

            // The kernel caps these at net.core.rmem_max / wmem_max; a bigger buffer absorbs bursts instead of dropping them.
            socket.ReceiveBufferSize = options.UdpSocketBufferBytes;
            socket.SendBufferSize = options.UdpSocketBufferBytes;
            socket.Bind(endPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

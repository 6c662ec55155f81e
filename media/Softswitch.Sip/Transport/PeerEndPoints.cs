using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Turns the source address of a received datagram into an <see cref="IPEndPoint"/>, one shared object per peer: a
/// datagram from a known peer allocates nothing, and a trunk's held calls share its endpoint instead of holding one
/// each. One per receive loop (not thread-safe). The table is fixed and direct-mapped, so a flood of spoofed sources
/// only evicts entries; an evicted peer gets a new object, which is equal to the old one.
/// </summary>
/// <remarks>Shared endpoints must never be changed; nothing in the stack sets an endpoint's address or port.</remarks>
internal sealed class PeerEndPoints(AddressFamily family)
{
    private const int Slots = 1024;
    private readonly SocketAddress?[] _addresses = new SocketAddress?[Slots];
    private readonly IPEndPoint?[] _endPoints = new IPEndPoint?[Slots];
    private readonly IPEndPoint _template = new(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);

    public IPEndPoint Get(SocketAddress received)
    {
        var slot = (int)((uint)received.GetHashCode() % Slots);
        if (_addresses[slot] is { } known && known.Equals(received))
        {
            return _endPoints[slot]!;
        }

        var endPoint = SipTcpConnection.Normalize((IPEndPoint)_template.Create(received));
        var copy = new SocketAddress(received.Family, received.Size);
        received.Buffer.Span[..received.Size].CopyTo(copy.Buffer.Span);
        _addresses[slot] = copy;
        _endPoints[slot] = endPoint;
        return endPoint;
    }
}

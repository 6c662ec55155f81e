using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>Datagram sources become shared endpoints: one object per peer, always the right peer.</summary>
public sealed class PeerEndPointsTests
{
    [Fact]
    public void A_known_peer_gets_the_same_endpoint_object()
    {
        var peers = new PeerEndPoints(AddressFamily.InterNetwork);
        var first = peers.Get(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060).Serialize());
        var again = peers.Get(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060).Serialize());

        Assert.Same(first, again);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060), first);
    }

    [Fact]
    public void Every_source_of_a_flood_bigger_than_the_table_maps_to_itself()
    {
        var peers = new PeerEndPoints(AddressFamily.InterNetwork);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 5_000; i++)
            {
                var source = new IPEndPoint(new IPAddress([198, 51, (byte)(i >> 8), (byte)i]), 1024 + i);
                Assert.Equal(source, peers.Get(source.Serialize()));
            }
        }
    }

    [Fact]
    public void The_same_address_on_another_port_is_another_peer()
    {
        var peers = new PeerEndPoints(AddressFamily.InterNetwork);
        var a = peers.Get(new IPEndPoint(IPAddress.Loopback, 5060).Serialize());
        var b = peers.Get(new IPEndPoint(IPAddress.Loopback, 5061).Serialize());

        Assert.Equal(5060, a.Port);
        Assert.Equal(5061, b.Port);
    }

    [Fact]
    public void An_IPv4_peer_on_a_dual_stack_socket_is_given_as_IPv4()
    {
        var peers = new PeerEndPoints(AddressFamily.InterNetworkV6);
        var mapped = new IPEndPoint(IPAddress.Parse("203.0.113.7").MapToIPv6(), 5060);

        var endPoint = peers.Get(mapped.Serialize());

        Assert.Equal(AddressFamily.InterNetwork, endPoint.AddressFamily);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.7"), 5060), endPoint);
    }
}

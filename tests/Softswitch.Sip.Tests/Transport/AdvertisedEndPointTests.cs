using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Tests.Transactions;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transport;

public sealed class AdvertisedEndPointTests
{
    private static readonly IPAddress Public = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void Configured_address_wins_over_the_listen_address()
    {
        Assert.Equal(Public, AdvertisedAddressSelector.Choose(Public, IPAddress.Parse("10.0.0.5"), [IPAddress.Parse("10.0.0.5")]));
    }

    [Fact]
    public void Concrete_listen_address_is_advertised_as_is()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), AdvertisedAddressSelector.Choose(null, IPAddress.Parse("10.0.0.5"), [Public]));
    }

    [Fact]
    public void Wildcard_listener_advertises_the_first_non_loopback_address_of_its_family()
    {
        IPAddress[] machine = [IPAddress.Loopback, IPAddress.Parse("fe80::1"), IPAddress.Parse("2001:db8::5"), IPAddress.Parse("192.0.2.10"), Public];

        Assert.Equal(IPAddress.Parse("192.0.2.10"), AdvertisedAddressSelector.Choose(null, IPAddress.Any, machine));
        Assert.Equal(IPAddress.Parse("2001:db8::5"), AdvertisedAddressSelector.Choose(null, IPAddress.IPv6Any, machine));
    }

    [Fact]
    public void Wildcard_listener_on_a_machine_without_addresses_advertises_loopback()
    {
        Assert.Equal(IPAddress.Loopback, AdvertisedAddressSelector.Choose(null, IPAddress.Any, [IPAddress.Loopback]));
        Assert.Equal(IPAddress.IPv6Loopback, AdvertisedAddressSelector.Choose(null, IPAddress.IPv6Any, []));
    }

    [Fact]
    public void Wildcard_cannot_be_configured_as_the_advertised_address()
    {
        Assert.Throws<ArgumentException>(() => AdvertisedAddressSelector.Choose(IPAddress.Any, IPAddress.Any, []));
    }

    [Fact]
    public async Task Transport_on_the_wildcard_address_advertises_a_concrete_address_and_the_bound_port()
    {
        await using var transport = new SipTransport(new SipTransportOptions { ListenEndPoint = new IPEndPoint(IPAddress.Any, 0), EnableTcp = false });
        transport.Start(new RecordingReceiver());

        Assert.NotEqual(IPAddress.Any, transport.AdvertisedEndPoint.Address);
        Assert.Equal(transport.LocalEndPoint.Port, transport.AdvertisedEndPoint.Port);
        Assert.NotEqual(0, transport.AdvertisedEndPoint.Port);
    }

    [Fact]
    public async Task Transport_advertises_the_configured_address_with_the_bound_port()
    {
        await using var transport = new SipTransport(new SipTransportOptions
        {
            ListenEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AdvertisedAddress = Public,
        });
        transport.Start(new RecordingReceiver());

        Assert.Equal(new IPEndPoint(Public, transport.LocalEndPoint.Port), transport.AdvertisedEndPoint);
    }

    [Fact]
    public async Task Outgoing_request_and_ack_carry_the_advertised_address_in_via()
    {
        var clock = new FakeTimeProvider();
        var transport = new FakeTransport(clock) { AdvertisedEndPoint = new IPEndPoint(Public, 5070) };
        var layer = new SipTransactionLayer(transport, new SipTransactionOptions(), clock);
        var uri = SipUri.Parse("sip:bob@127.0.0.1:5080");
        var from = new SipNameAddress { Uri = SipUri.Parse("sip:alice@example.com") }.WithTag("t1");

        var invite = layer.SendRequest(SipRequest.Create(SipMethods.Invite, uri, from, new SipNameAddress { Uri = uri }, "adv@example.com", 1), transport.Peer);
        var ack = SipRequest.Create(SipMethods.Ack, uri, from, new SipNameAddress { Uri = uri }.WithTag("uas"), "adv@example.com", 1);
        await layer.SendAckAsync(ack, transport.Peer, TestContext.Current.CancellationToken);

        Assert.Equal("203.0.113.7:5070", invite.Request.TopVia.SentBy);
        Assert.Equal("203.0.113.7:5070", ack.TopVia.SentBy);
    }

    [Fact]
    public void Request_that_already_carries_our_advertised_via_is_a_loop()
    {
        var clock = new FakeTimeProvider();
        var transport = new FakeTransport(clock) { AdvertisedEndPoint = new IPEndPoint(Public, 5070) };
        var layer = new SipTransactionLayer(transport, new SipTransactionOptions(), clock);
        layer.Attach(new RecordingUser());
        var request = (SipRequest)SipParser.Default.Parse(
            Wire.Request(extraHeaders: "Via: SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bKours\n"), SipFraming.Datagram).Message!;
        request.Source = transport.Peer;

        layer.OnMessage(request, transport.Peer);

        Assert.Equal(482, Assert.Single(transport.Responses).StatusCode);
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Tests.Transactions;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class AnsweredInviteRetransmitterTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<UnacknowledgedAnswer> _timedOut = [];

    [Fact]
    public void Udp_2xx_is_resent_at_T1_doubling_up_to_T2()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        var ok = Ok();
        retransmitter.Track(ok, transport.Peer);

        Advance(TimeSpan.FromSeconds(31.9));

        Assert.Equal([0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], SendTimes(transport));
        Assert.All(transport.Sent, s => Assert.Same(ok, s.Message));
        Assert.All(transport.Sent, s => Assert.Equal(transport.Peer, s.Destination));
        Assert.Empty(_timedOut);
    }

    [Fact]
    public void Schedule_follows_the_configured_T1_and_T2()
    {
        var options = new SipTransactionOptions { T1 = TimeSpan.FromMilliseconds(200), T2 = TimeSpan.FromMilliseconds(800) };
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp, options);
        retransmitter.Track(Ok(), transport.Peer);

        Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([0.2, 0.6, 1.4, 2.2, 3.0], SendTimes(transport));
    }

    [Fact]
    public void Ack_stops_the_retransmission()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);
        Advance(TimeSpan.FromSeconds(1.6));

        Assert.True(retransmitter.TryAcknowledge(Ack()));
        Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([0.5, 1.5], SendTimes(transport));
        Assert.Empty(_timedOut);
        Assert.Equal(0, retransmitter.Count);
    }

    [Fact]
    public void Repeated_ack_matches_only_once()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);

        Assert.True(retransmitter.TryAcknowledge(Ack()));
        Assert.False(retransmitter.TryAcknowledge(Ack()));
    }

    [Theory]
    [InlineData("other-tag", 1u, "c1@example.com")]
    [InlineData("uas", 2u, "c1@example.com")]
    [InlineData("uas", 1u, "c2@example.com")]
    public void Ack_for_another_2xx_does_not_stop_the_retransmission(string toTag, uint sequence, string callId)
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);

        Assert.False(retransmitter.TryAcknowledge(Ack(toTag, sequence, callId)));
        Advance(TimeSpan.FromSeconds(1.6));

        Assert.Equal([0.5, 1.5], SendTimes(transport));
        Assert.Equal(1, retransmitter.Count);
    }

    [Fact]
    public void Request_other_than_ack_is_not_an_acknowledgement()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);

        Assert.False(retransmitter.TryAcknowledge(Ack(method: SipMethods.Bye)));
        Assert.Equal(1, retransmitter.Count);
    }

    [Fact]
    public void Tcp_2xx_is_not_resent_but_the_ack_is_awaited()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Tcp);
        retransmitter.Track(Ok(), transport.Peer);
        Advance(TimeSpan.FromSeconds(31.9));

        Assert.Empty(transport.Sent);
        Assert.Equal(1, retransmitter.Count);
        Assert.True(retransmitter.TryAcknowledge(Ack()));
        Assert.Equal(0, retransmitter.Count);
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public void Missing_ack_raises_AckTimedOut_at_64_T1(SipTransportProtocol protocol)
    {
        var (transport, retransmitter) = Start(protocol);
        var ok = Ok();
        retransmitter.Track(ok, transport.Peer);

        Advance(TimeSpan.FromSeconds(31.9));
        Assert.Empty(_timedOut);
        Advance(TimeSpan.FromSeconds(0.2));

        var timedOut = Assert.Single(_timedOut);
        Assert.Equal("c1@example.com", timedOut.CallId);
        Assert.Same(ok, timedOut.Response);
        Assert.Equal(transport.Peer, timedOut.Remote);
        Assert.Equal(0, retransmitter.Count);
        var sent = transport.Sent.Count;
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(sent, transport.Sent.Count);
        Assert.Single(_timedOut);
    }

    [Fact]
    public void Stop_forgets_the_call_when_it_ends_before_the_ack()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);
        retransmitter.Track(Ok(callId: "c2@example.com"), transport.Peer);
        Advance(TimeSpan.FromSeconds(0.6));

        Assert.True(retransmitter.Stop("c1@example.com"));
        Assert.False(retransmitter.Stop("c1@example.com"));
        Assert.Equal(1, retransmitter.Count);
        Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(["c2@example.com"], _timedOut.Select(t => t.CallId));
        Assert.Equal(1, transport.Sent.Count(s => s.Message.CallId == "c1@example.com"));
        Assert.Equal(0, retransmitter.Count);
    }

    [Fact]
    public void Tracking_the_same_2xx_twice_keeps_one_schedule()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        Assert.True(retransmitter.Track(Ok(), transport.Peer));
        Advance(TimeSpan.FromSeconds(0.3));
        Assert.False(retransmitter.Track(Ok(), transport.Peer));
        Advance(TimeSpan.FromSeconds(1.3));

        Assert.Equal([0.5, 1.5], SendTimes(transport));
        Assert.Equal(1, retransmitter.Count);
    }

    [Fact]
    public void Only_a_2xx_to_invite_can_be_tracked()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        var options = Parse(Wire.Request(SipMethods.Options, "c1@example.com"));

        Assert.Throws<ArgumentException>(() => retransmitter.Track(SipResponse.CreateFor(Invite(), 486, toTag: "uas"), transport.Peer));
        Assert.Throws<ArgumentException>(() => retransmitter.Track(SipResponse.CreateFor(options, 200, toTag: "uas"), transport.Peer));
        Assert.Equal(0, retransmitter.Count);
    }

    [Fact]
    public void Send_failure_is_counted_and_the_deadline_still_ends_the_wait()
    {
        var retransmitter = new AnsweredInviteRetransmitter(new FailingTransport(), new SipTransactionOptions(), _clock);
        retransmitter.AckTimedOut += _timedOut.Add;
        retransmitter.Track(Ok(), SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5080)));

        Advance(TimeSpan.FromSeconds(32.1));

        Assert.Equal(10, retransmitter.SendFailures);
        Assert.Single(_timedOut);
        Assert.Equal(0, retransmitter.Count);
    }

    [Fact]
    public void Failing_AckTimedOut_handler_does_not_escape_the_timer()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Tcp);
        retransmitter.AckTimedOut += _ => throw new InvalidOperationException("handler bug");
        retransmitter.Track(Ok(), transport.Peer);

        Advance(TimeSpan.FromSeconds(32.1));

        Assert.Single(_timedOut);
        Assert.Equal(0, retransmitter.Count);
    }

    [Fact]
    public void Dispose_stops_every_timer_without_raising_AckTimedOut()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        retransmitter.Track(Ok(), transport.Peer);

        retransmitter.Dispose();
        Advance(TimeSpan.FromSeconds(40));

        Assert.Empty(transport.Sent);
        Assert.Empty(_timedOut);
        Assert.Equal(0, retransmitter.Count);
        Assert.Throws<ObjectDisposedException>(() => retransmitter.Track(Ok(), transport.Peer));
    }

    [Fact]
    public async Task Concurrent_track_ack_and_timers_leave_nothing_behind()
    {
        var (transport, retransmitter) = Start(SipTransportProtocol.Udp);
        const int calls = 2000;
        var oks = Enumerable.Range(0, calls).Select(i => Ok(callId: $"call-{i}")).ToArray();
        var acks = Enumerable.Range(0, calls).Select(i => Ack(callId: $"call-{i}")).ToArray();

        var clock = Task.Run(() => Advance(TimeSpan.FromSeconds(5)), TestContext.Current.CancellationToken);
        Parallel.For(0, calls, i =>
        {
            retransmitter.Track(oks[i], transport.Peer);
            if (i % 2 == 0)
            {
                Assert.True(retransmitter.TryAcknowledge(acks[i]));
            }
            else
            {
                Assert.True(retransmitter.Stop(oks[i].CallId));
            }
        });
        await clock;

        Assert.Equal(0, retransmitter.Count);
        Advance(TimeSpan.FromSeconds(40));
        Assert.Empty(_timedOut);
    }

    private (FakeTransport Transport, AnsweredInviteRetransmitter Retransmitter) Start(SipTransportProtocol protocol, SipTransactionOptions? options = null)
    {
        var transport = new FakeTransport(_clock, protocol);
        var retransmitter = new AnsweredInviteRetransmitter(transport, options ?? new SipTransactionOptions(), _clock);
        retransmitter.AckTimedOut += timedOut =>
        {
            lock (_timedOut)
            {
                _timedOut.Add(timedOut);
            }
        };
        return (transport, retransmitter);
    }

    /// <summary>Advances the clock in small steps so every due timer fires at its exact time.</summary>
    private void Advance(TimeSpan total)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            _clock.Advance(step);
        }
    }

    private static List<double> SendTimes(FakeTransport transport)
    {
        lock (transport.Sent)
        {
            return transport.Sent.Select(s => Math.Round(s.At.TotalSeconds, 3)).ToList();
        }
    }

    private static SipRequest Invite(string callId = "c1@example.com") => Parse(Wire.Request(SipMethods.Invite, callId));

    private static SipResponse Ok(string callId = "c1@example.com") => SipResponse.CreateFor(Invite(callId), 200, toTag: "uas");

    private static SipRequest Ack(string toTag = "uas", uint sequence = 1, string callId = "c1@example.com", string method = SipMethods.Ack) =>
        Parse(Wire.Bytes($"""
            {method} sip:bob@192.0.2.1 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKack{sequence}
            Max-Forwards: 70
            From: <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>;tag={toTag}
            Call-ID: {callId}
            CSeq: {sequence} {method}
            Content-Length: 0


            """));

    private static SipRequest Parse(byte[] bytes) => (SipRequest)SipParser.Default.Parse(bytes, SipFraming.Datagram).Message!;

    private sealed class FailingTransport : ISipTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

        public IPEndPoint AdvertisedEndPoint => LocalEndPoint;

        public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new SocketException((int)SocketError.NetworkUnreachable));

        public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken = default) =>
            SendAsync(response, requestSource, cancellationToken);

        public ValueTask SendSerializedAsync(ReadOnlyMemory<byte> message, SipEndPoint destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new SocketException((int)SocketError.NetworkUnreachable));
    }
}

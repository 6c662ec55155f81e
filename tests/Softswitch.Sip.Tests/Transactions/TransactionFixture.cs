using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Parsing;
using Softswitch.Sip.Serialization;
using Softswitch.Sip.Tests.Builders;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>A transaction layer on a fake clock and a recording transport.</summary>
public sealed class TransactionFixture
{
    public TransactionFixture(SipTransportProtocol protocol = SipTransportProtocol.Udp, int? autoAnswer = null, SipTransactionOptions? options = null)
    {
        Transport = new FakeTransport(Clock, protocol);
        User = new RecordingUser(autoAnswer);
        Layer = new SipTransactionLayer(Transport, options ?? new SipTransactionOptions(), Clock);
        Layer.Attach(User);
    }

    public FakeTimeProvider Clock { get; } = new();

    public FakeTransport Transport { get; }

    public RecordingUser User { get; }

    public SipTransactionLayer Layer { get; }

    /// <summary>A request as the transport would deliver it from the peer.</summary>
    public SipRequest Incoming(string method = "OPTIONS", string branch = "z9hG4bKin1", string callId = "c1@example.com", string extraHeaders = "")
    {
        var request = (SipRequest)SipParser.Default.Parse(Wire.Request(method, callId, branch: branch, extraHeaders: extraHeaders), SipFraming.Datagram).Message!;
        request.Source = Transport.Peer;
        return request;
    }

    public void Deliver(SipMessage message)
    {
        // Through bytes, as a real transport would, so nothing is shared with what we sent.
        var copy = SipParser.Default.Parse(SipSerializer.ToArray(message), SipFraming.Datagram).Message!;
        copy.Source = Transport.Peer;
        Layer.OnMessage(copy, Transport.Peer);
    }

    public SipRequest Outgoing(string method)
    {
        var uri = SipUri.Parse("sip:bob@127.0.0.1:5080");
        return SipRequest.Create(method, uri, new SipNameAddress { Uri = SipUri.Parse("sip:alice@example.com") }.WithTag("t1"),
            new SipNameAddress { Uri = uri }, "out-1@example.com", 1);
    }

    public SipResponse ResponseTo(SipRequest sent, int status, string? toTag = "remote") =>
        SipResponse.CreateFor(sent, status, toTag: toTag);

    public List<double> SendTimes(Func<SipMessage, bool> filter) =>
        Transport.Sent.Where(s => filter(s.Message)).Select(s => s.At.TotalSeconds).ToList();

    /// <summary>Advances the clock in small steps so every due timer fires at its exact time.</summary>
    public void Advance(TimeSpan total)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            Clock.Advance(step);
        }
    }
}

using System.Net;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>One source cannot make the switch hold more than its share of server transactions.</summary>
public sealed class ServerTransactionLimitTests
{
    private readonly TransactionFixture _f = new(options: new SipTransactionOptions { MaxServerTransactionsPerSource = 3 });

    [Fact]
    public void A_request_past_the_sources_limit_gets_a_stateless_503_while_other_sources_are_served()
    {
        for (var i = 0; i < 4; i++)
        {
            _f.Layer.OnMessage(_f.Incoming(branch: $"z9hG4bKflood{i}", callId: $"flood{i}@example.com"), _f.Transport.Peer);
        }

        var other = _f.Incoming(branch: "z9hG4bKother", callId: "other@example.com");
        other.Source = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("192.0.2.44"), 5060));
        _f.Layer.OnMessage(other, other.Source.Value);

        Assert.Equal(4, _f.User.Requests.Count); // three from the flooding source, one from the other
        var refused = Assert.Single(_f.Transport.Responses);
        Assert.Equal((503, "5"), (refused.StatusCode, refused.Headers[Softswitch.Sip.Messages.SipHeaderKind.RetryAfter]));
        Assert.Equal(1, _f.Layer.ServerTransactionsRefused);
        Assert.Equal(4, _f.Layer.TransactionCount);
    }

    [Fact]
    public void The_share_comes_back_when_a_transaction_ends()
    {
        for (var i = 0; i < 3; i++)
        {
            _f.Layer.OnMessage(_f.Incoming(branch: $"z9hG4bKflood{i}", callId: $"flood{i}@example.com"), _f.Transport.Peer);
        }

        _f.User.Requests[0].Respond(200);
        _f.Advance(new SipTransactionOptions().TimerJ); // the answered transaction lingers for Timer J, then ends
        _f.Layer.OnMessage(_f.Incoming(branch: "z9hG4bKafter", callId: "after@example.com"), _f.Transport.Peer);

        Assert.Equal(4, _f.User.Requests.Count);
        Assert.Equal(0, _f.Layer.ServerTransactionsRefused);
        Assert.Equal(3, _f.Layer.TransactionCount);
    }

    [Fact]
    public void A_retransmission_of_a_live_transaction_is_not_counted_against_the_source()
    {
        for (var i = 0; i < 3; i++)
        {
            _f.Layer.OnMessage(_f.Incoming(branch: $"z9hG4bKflood{i}", callId: $"flood{i}@example.com"), _f.Transport.Peer);
        }

        _f.Layer.OnMessage(_f.Incoming(branch: "z9hG4bKflood0", callId: "flood0@example.com"), _f.Transport.Peer);

        Assert.Equal(0, _f.Layer.ServerTransactionsRefused);
        Assert.Equal(3, _f.User.Requests.Count);
    }
}

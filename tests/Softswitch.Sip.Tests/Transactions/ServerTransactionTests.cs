using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    [Fact]
    public void Non_invite_retransmission_is_absorbed_and_answered_with_the_last_response_until_timer_J()
    {
        var f = new TransactionFixture(autoAnswer: 200);
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);

        Assert.Single(f.User.Requests);
        Assert.Equal([200, 200], f.Transport.Responses.Select(r => r.StatusCode));
        f.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Non_invite_retransmission_in_trying_is_discarded()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        Assert.Empty(f.Transport.Sent);
        Assert.Single(f.User.Requests);
    }

    [Fact]
    public void Invite_gets_100_trying_and_retransmission_gets_the_last_provisional()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        f.User.Requests[0].Respond(180, toTag: "uas");
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        Assert.Equal([100, 180, 180], f.Transport.Responses.Select(r => r.StatusCode));
    }

    [Fact]
    public void Invite_failure_is_retransmitted_on_timer_G_capped_at_T2_until_timer_H()
    {
        var f = new TransactionFixture(autoAnswer: 486);
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(32.1));

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], f.SendTimes(m => m is SipResponse { StatusCode: 486 }));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Ack_confirms_the_failure_and_timer_I_ends_the_transaction()
    {
        var f = new TransactionFixture(autoAnswer: 486);
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(0.6));
        f.Layer.OnMessage(f.Incoming(SipMethods.Ack), f.Transport.Peer);
        f.Layer.OnMessage(f.Incoming(SipMethods.Ack), f.Transport.Peer);

        f.Advance(TimeSpan.FromSeconds(4.8));
        Assert.Equal(2, f.SendTimes(m => m is SipResponse { StatusCode: 486 }).Count);
        Assert.Empty(f.User.Acks);
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Advance(TimeSpan.FromSeconds(0.3));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Invite_2xx_terminates_and_the_2xx_ack_goes_to_the_TU()
    {
        var f = new TransactionFixture(autoAnswer: 200);
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        Assert.Equal(0, f.Layer.TransactionCount);
        f.Layer.OnMessage(f.Incoming(SipMethods.Ack, branch: "z9hG4bKack2xx"), f.Transport.Peer);
        Assert.Single(f.User.Acks);
    }

    [Fact]
    public void Reliable_transport_ends_server_transactions_without_waiting()
    {
        var f = new TransactionFixture(SipTransportProtocol.Tcp, autoAnswer: 404);
        f.Layer.OnMessage(f.Incoming(), f.Transport.Peer);
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Cancel_answers_200_and_terminates_the_invite_with_487()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite), f.Transport.Peer);
        var cancel = f.Incoming(SipMethods.Cancel);
        f.Layer.OnMessage(cancel, f.Transport.Peer);

        Assert.Single(f.User.Cancels);
        Assert.Equal(
            [(100, SipMethods.Invite), (200, SipMethods.Cancel), (487, SipMethods.Invite)],
            f.Transport.Responses.Select(r => (r.StatusCode, r.CSeq.Method)));
        f.Layer.OnMessage(f.Incoming(SipMethods.Ack), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Cancel_without_matching_invite_gets_481()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(SipMethods.Cancel), f.Transport.Peer);
        Assert.Equal(481, Assert.Single(f.Transport.Responses).StatusCode);
        Assert.Empty(f.User.Requests);
    }

    [Fact]
    public void Request_with_max_forwards_zero_gets_483()
    {
        var f = new TransactionFixture();
        var request = f.Incoming(SipMethods.Invite);
        request.MaxForwards = 0;
        f.Layer.OnMessage(request, f.Transport.Peer);
        Assert.Equal(483, f.Transport.Responses[^1].StatusCode);
        Assert.Empty(f.User.Requests);
    }

    [Fact]
    public void Merged_request_over_a_second_path_gets_482()
    {
        var f = new TransactionFixture();
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite, branch: "z9hG4bKpath1"), f.Transport.Peer);
        f.Layer.OnMessage(f.Incoming(SipMethods.Invite, branch: "z9hG4bKpath2"), f.Transport.Peer);
        Assert.Single(f.User.Requests);
        Assert.Equal(482, f.Transport.Responses[^1].StatusCode);
    }

    [Fact]
    public void Request_carrying_our_own_via_gets_482()
    {
        var f = new TransactionFixture();
        var request = f.Incoming(extraHeaders: "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours\n");
        f.Layer.OnMessage(request, f.Transport.Peer);
        Assert.Equal(482, Assert.Single(f.Transport.Responses).StatusCode);
    }

    [Fact]
    public void Many_transactions_all_leave_the_table()
    {
        var f = new TransactionFixture(autoAnswer: 200);
        for (var i = 0; i < 50; i++)
        {
            f.Layer.OnMessage(f.Incoming(branch: "z9hG4bKmany" + i, callId: "many" + i), f.Transport.Peer);
            f.Layer.SendRequest(f.Outgoing(SipMethods.Options), f.Transport.Peer);
        }

        Assert.Equal(100, f.Layer.TransactionCount);
        f.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, f.Layer.TransactionCount);
    }
}

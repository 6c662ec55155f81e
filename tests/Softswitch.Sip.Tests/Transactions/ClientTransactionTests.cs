using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    [Fact]
    public async Task Invite_over_udp_retransmits_on_timer_A_until_timer_B_times_out()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);

        f.Advance(TimeSpan.FromSeconds(31.9));
        Assert.False(transaction.FinalResponse.IsCompleted);
        f.Advance(TimeSpan.FromSeconds(0.2));

        // RFC 3261 §17.1.1.2: A = 500 ms doubling; B = 64*T1 = 32 s.
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], f.SendTimes(m => m is SipRequest));
        var final = await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(408, final.StatusCode);
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Invite_over_tcp_is_never_retransmitted()
    {
        var f = new TransactionFixture(SipTransportProtocol.Tcp);
        f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(33));
        Assert.Single(f.Transport.Sent);
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Non_invite_timer_E_doubles_but_is_capped_at_T2()
    {
        var f = new TransactionFixture();
        f.Layer.SendRequest(f.Outgoing(SipMethods.Options), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], f.SendTimes(m => m is SipRequest));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void Non_invite_in_proceeding_retransmits_every_T2()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Register), f.Transport.Peer);
        f.Deliver(f.ResponseTo(transaction.Request, 100, toTag: null));
        f.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal([0, 0.5, 4.5, 8.5], f.SendTimes(m => m is SipRequest));
    }

    [Fact]
    public async Task Non_invite_final_response_completes_and_timer_K_ends_the_transaction()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Options), f.Transport.Peer);
        f.Deliver(f.ResponseTo(transaction.Request, 200));
        Assert.Equal(200, (await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Advance(TimeSpan.FromSeconds(5.1));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public async Task Invite_failure_is_acked_inside_the_transaction_and_retransmissions_are_reacked()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        var provisional = new List<int>();
        transaction.ProvisionalResponse += (_, r) => provisional.Add(r.StatusCode);
        f.Deliver(f.ResponseTo(transaction.Request, 180));
        var busy = f.ResponseTo(transaction.Request, 486);
        f.Deliver(busy);
        f.Deliver(busy);

        Assert.Equal([180], provisional);
        Assert.Equal(486, (await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).StatusCode);
        var acks = f.Transport.Requests.Where(r => r.Method == SipMethods.Ack).ToList();
        Assert.Equal(2, acks.Count);
        var ack = acks[0];
        Assert.Equal(transaction.Request.TopVia.Branch, ack.TopVia.Branch);
        Assert.Equal("remote", ack.To.Tag);
        Assert.Equal(new SipCSeq(1, SipMethods.Ack), ack.CSeq);

        f.Advance(TimeSpan.FromSeconds(32.1)); // Timer D
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public async Task Invite_2xx_terminates_at_once_and_retransmitted_2xx_goes_to_the_TU()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        var ok = f.ResponseTo(transaction.Request, 200);
        f.Deliver(ok);
        Assert.Equal(200, (await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, f.Layer.TransactionCount);

        f.Deliver(ok);
        Assert.Single(f.User.StrayResponses);
        Assert.DoesNotContain(f.Transport.Requests, r => r.Method == SipMethods.Ack);
    }

    [Fact]
    public void Cancel_waits_for_a_provisional_response()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        Assert.Null(f.Layer.Cancel(invite));
        Assert.DoesNotContain(f.Transport.Requests, r => r.Method == SipMethods.Cancel);

        f.Deliver(f.ResponseTo(invite.Request, 180));
        var cancel = Assert.Single(f.Transport.Requests, r => r.Method == SipMethods.Cancel);
        Assert.Equal(invite.Request.TopVia.Branch, cancel.TopVia.Branch);
        Assert.Equal(new SipCSeq(1, SipMethods.Cancel), cancel.CSeq);
        Assert.Equal(2, f.Layer.TransactionCount);
    }

    [Fact]
    public void Outgoing_request_gets_a_via_with_magic_cookie_and_rport()
    {
        var f = new TransactionFixture();
        var transaction = f.Layer.SendRequest(f.Outgoing(SipMethods.Options), f.Transport.Peer);
        var via = transaction.Request.TopVia;
        Assert.StartsWith(SipVia.MagicCookie, via.Branch, StringComparison.Ordinal);
        Assert.True(via.HasRPort);
        Assert.Equal("127.0.0.1:5060", via.SentBy);
        Assert.Equal(70, transaction.Request.MaxForwards);
    }
}

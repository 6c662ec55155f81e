using Softswitch.Sip.Messages;
using Xunit;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>An INVITE the TU gives up (a routing query past its timeout), and the CANCEL guard of RFC 3261 §9.1.</summary>
public sealed class AbandonedInviteTests
{
    [Fact]
    public async Task An_unanswered_invite_abandoned_ends_at_once_and_is_not_retransmitted_again()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        f.Advance(TimeSpan.FromSeconds(1.2));

        f.Layer.Abandon(invite, _ => Assert.Fail("No 2xx came"));

        var final = await invite.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(408, final.StatusCode);
        Assert.True(final.IsLocal);
        Assert.Equal(0, f.Layer.ClientTransactionCount);
        f.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([0, 0.5], f.SendTimes(m => m is SipRequest));
        Assert.Equal(1, f.Layer.TransactionCount);
        f.Advance(TimeSpan.FromSeconds(1.1)); // Timer B's span after the abandonment
        Assert.Equal(0, f.Layer.TransactionCount);
        Assert.Empty(f.User.StrayResponses);
    }

    [Fact]
    public void A_late_provisional_gets_the_cancel_that_could_not_go_before_and_a_late_failure_its_ack_on_every_copy()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        f.Layer.Abandon(invite, _ => Assert.Fail("No 2xx came"));

        f.Deliver(f.ResponseTo(invite.Request, 100, toTag: null));
        f.Deliver(f.ResponseTo(invite.Request, 180));
        var cancel = Assert.Single(f.Transport.Requests, r => r.Method == SipMethods.Cancel);
        Assert.Equal(invite.Request.TopVia.Branch, cancel.TopVia.Branch);
        var moved = f.ResponseTo(invite.Request, 302);
        f.Deliver(moved);
        f.Deliver(moved);

        var acks = f.Transport.Requests.Where(r => r.Method == SipMethods.Ack).ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, ack => Assert.Equal(invite.Request.TopVia.Branch, ack.TopVia.Branch));
        Assert.Equal("remote", acks[0].To.Tag);
        Assert.Empty(f.User.StrayResponses);
        f.Deliver(f.ResponseTo(cancel, 200));
        f.Advance(TimeSpan.FromSeconds(32.1));
        Assert.Equal(0, f.Layer.TransactionCount);
    }

    [Fact]
    public void A_late_2xx_goes_to_the_tu_once()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        var late = new List<int>();
        f.Layer.Abandon(invite, response => late.Add(response.StatusCode));

        var ok = f.ResponseTo(invite.Request, 200);
        f.Deliver(ok);
        f.Deliver(ok);

        Assert.Equal([200], late);
        Assert.DoesNotContain(f.Transport.Requests, r => r.Method == SipMethods.Ack);
    }

    [Fact]
    public async Task An_invite_abandoned_after_a_provisional_is_cancelled_and_its_2xx_goes_to_the_tu()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        f.Deliver(f.ResponseTo(invite.Request, 100, toTag: null));
        var late = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        f.Layer.Abandon(invite, response => late.TrySetResult(response.StatusCode));

        Assert.Single(f.Transport.Requests, r => r.Method == SipMethods.Cancel);
        f.Deliver(f.ResponseTo(invite.Request, 200));
        Assert.Equal(200, await late.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cancelled_invite_whose_server_never_answers_it_ends_64_T1_after_the_cancel()
    {
        var f = new TransactionFixture();
        var invite = f.Layer.SendRequest(f.Outgoing(SipMethods.Invite), f.Transport.Peer);
        f.Deliver(f.ResponseTo(invite.Request, 100, toTag: null));
        f.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(f.Layer.Cancel(invite));
        f.Deliver(f.ResponseTo(invite.Request, 180));

        f.Advance(TimeSpan.FromSeconds(31.8));
        Assert.False(invite.FinalResponse.IsCompleted);
        f.Advance(TimeSpan.FromSeconds(0.3));

        // RFC 3261 §9.1: no final answer 64*T1 after the CANCEL: the INVITE is considered cancelled.
        Assert.Equal(408, (await invite.FinalResponse.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, f.Layer.TransactionCount);
    }
}

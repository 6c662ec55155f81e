using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// RFC 6026 §8.5: a copy of the initial INVITE can arrive after the 2xx, when our stack has already ended the server
/// transaction (it has no Accepted state), so the copy reaches the switch as a new request. It must start no call and
/// must not hold a server transaction: before the ACK it gets the 2xx again, after the ACK it is absorbed (§7.1).
/// </summary>
public sealed class InviteRetransmissionTests
{
    [Fact]
    public async Task A_retransmission_of_the_initial_invite_after_the_answer_starts_no_second_call()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        var (caller, _) = await rig.ConnectAsync(invite);

        await rig.Caller.RetransmitAsync(invite, rig.SwitchEndPoint);

        Assert.Equal(200, await rig.ProbeAsync(caller));
        await rig.UntilAdmittedAsync();
        Assert.Equal(1, rig.B2bua.Counters.CallsAccepted);
        Assert.Equal(1, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(1, rig.Vendor.Requests.Count(r => r.Method == SipMethods.Invite));
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_retransmission_of_the_initial_invite_before_the_ack_gets_the_answer_again()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        var (caller, ok) = await rig.ConnectAsync(invite, ack: false);

        // The clock stands still, so a 200 now can only answer the copy, not the 2xx retransmission timer.
        await rig.Caller.RetransmitAsync(invite, rig.SwitchEndPoint);

        var again = await rig.Caller.StrayResponses.WaitAsync(r => r.IsSuccess, "the 200 again");
        Assert.Equal(ok.To.Tag, again.To.Tag);
        Assert.Equal(invite.TopVia.Branch, again.TopVia.Branch);
        await rig.Caller.AckAsync(caller, invite.CSeq.Number);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_retransmission_of_the_initial_invite_after_the_ack_is_absorbed()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        var (caller, _) = await rig.ConnectAsync(invite);

        await rig.Caller.RetransmitAsync(invite, rig.SwitchEndPoint);

        // RFC 6026 §7.1: once the 2xx is acknowledged the copy needs no answer; the probe orders after the copy.
        Assert.Equal(200, await rig.ProbeAsync(caller));
        Assert.Equal(0, rig.Caller.StrayResponses.Count(r => r.IsSuccess && r.CSeq.Method == SipMethods.Invite));
        Assert.Equal(1, rig.B2bua.Counters.CallsAccepted);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task An_answered_call_holds_its_invite_claim_for_64_T1_only()
    {
        await using var rig = new B2buaFixture();
        var (caller, _) = await rig.ConnectAsync();
        Assert.Equal(1, rig.B2bua.InviteClaimCount);

        // RFC 3261 §17.1.1.2: the caller's INVITE transaction gives up at 64*T1 (Timer B), so no copy comes later.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(33));
        await rig.UntilIdleAsync();

        Assert.Equal(0, rig.B2bua.InviteClaimCount);
        Assert.Equal(1, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(200, await rig.ProbeAsync(caller));
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task The_same_invite_by_another_path_after_the_answer_gets_482()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        var (caller, _) = await rig.ConnectAsync(invite);
        var merged = SipRequest.Create(SipMethods.Invite, invite.Uri, invite.From, invite.To, invite.CallId, invite.CSeq.Number);
        merged.Headers.Add(SipHeaderKind.Contact, rig.Caller.Contact);

        var response = await rig.Caller.SendAsync(merged, rig.SwitchEndPoint);

        // RFC 3261 §8.2.2.2: same From tag, Call-ID and CSeq as a request already taken, but another branch.
        Assert.Equal(482, response.StatusCode);
        Assert.Equal(200, await rig.ProbeAsync(caller));
        Assert.Equal(1, rig.B2bua.Counters.CallsAccepted);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }
}

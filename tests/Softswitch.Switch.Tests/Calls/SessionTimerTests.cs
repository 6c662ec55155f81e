using Softswitch.Domain;
using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>RFC 4028 session timers, honoured on each leg of the call on its own.</summary>
public sealed class SessionTimerTests
{
    [Fact]
    public async Task A_vendor_refresher_that_never_refreshes_gets_both_legs_ended_a_third_of_the_interval_early()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { SessionExpires = "90;refresher=uas" };
        var (caller, _) = await rig.ConnectAsync();

        // §10: the side that is not the refresher sends BYE min(32 s, 90/3) = 30 s before the session expires.
        rig.Clock.AdvanceTo(Seconds(59.9));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(Seconds(60));

        await AssertSwitchEndedBothLegsAsync(rig, "Session timer expired");
        Assert.Equal(Seconds(60), Assert.Single(rig.Cdrs.Finals.Items).Duration);
    }

    [Fact]
    public async Task A_caller_refresher_that_never_refreshes_gets_both_legs_ended_a_third_of_the_interval_early()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.Supported, "timer");
        invite.Headers.Add(SipHeaderKind.SessionExpires, "90");
        var (caller, ok) = await rig.ConnectAsync(invite);

        // §9: a caller that supports timers is made the refresher, and told so with Require: timer.
        Assert.Equal("90;refresher=uac", ok.Headers[SipHeaderKind.SessionExpires]);
        Assert.Equal("timer", ok.Headers[SipHeaderKind.Require]);
        rig.Clock.AdvanceTo(Seconds(59.9));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(Seconds(60));

        await AssertSwitchEndedBothLegsAsync(rig, "Session timer expired");
    }

    [Fact]
    public async Task The_switch_as_refresher_sends_the_vendor_an_update_every_half_interval()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { SessionExpires = "90;refresher=uac" };
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(Seconds(44.9));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        Assert.Equal(0, rig.Vendor.Requests.Count(IsUpdate));
        rig.Clock.AdvanceTo(Seconds(45));
        var first = await rig.Vendor.Requests.WaitAsync(IsUpdate, "refresh UPDATE");
        Assert.Equal("90;refresher=uac", first.Headers[SipHeaderKind.SessionExpires]);
        Assert.Equal(rig.Vendor.Dialog!.CallId, first.CallId);

        // §7.4: each answered refresh starts the next half interval.
        await rig.Clock.ArmedForAsync(Seconds(90));
        rig.Clock.AdvanceTo(Seconds(90));
        await rig.Vendor.Requests.WaitAsync(IsUpdate, "second refresh UPDATE", nth: 2);
        Assert.Equal(0, rig.Caller.Requests.Count(IsUpdate));
        Assert.Equal(200, await rig.ProbeAsync(caller));

        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_481_to_the_switchs_refresh_ends_the_call_on_both_legs()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { SessionExpires = "90" };
        rig.Vendor.Answers[SipMethods.Update] = 481;
        await rig.ConnectAsync();

        rig.Clock.AdvanceTo(Seconds(45));
        await rig.Vendor.Requests.WaitAsync(IsUpdate, "refresh UPDATE");

        await AssertSwitchEndedBothLegsAsync(rig, "Session refresh failed");
    }

    [Fact]
    public async Task The_switch_refreshes_a_caller_that_asked_for_a_session_interval_without_supporting_timers()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.SessionExpires, "120");
        var (caller, ok) = await rig.ConnectAsync(invite);

        // §9: the caller cannot refresh, so the switch does, as the UAS.
        Assert.Equal("120;refresher=uas", ok.Headers[SipHeaderKind.SessionExpires]);
        rig.Clock.AdvanceTo(Seconds(60));
        var update = await rig.Caller.Requests.WaitAsync(IsUpdate, "refresh UPDATE to the caller");
        Assert.Equal("120;refresher=uac", update.Headers[SipHeaderKind.SessionExpires]);
        Assert.Equal(caller.CallId, update.CallId);

        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_relayed_update_from_the_vendor_pushes_its_session_expiry_back()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { SessionExpires = "90;refresher=uas" };
        var (caller, _) = await rig.ConnectAsync();
        rig.Clock.AdvanceTo(Seconds(45));

        var vendor = rig.Vendor.Dialog!;
        var refresh = vendor.Request(SipMethods.Update);
        refresh.Headers.Add(SipHeaderKind.SessionExpires, "90;refresher=uas");
        Assert.Equal(200, (await rig.Vendor.SendAsync(vendor, refresh)).StatusCode);
        await rig.Caller.Requests.WaitAsync(IsUpdate, "relayed UPDATE");
        Assert.Equal(200, await rig.ProbeAsync(caller));

        rig.Clock.AdvanceTo(Seconds(104.9));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(Seconds(105));

        await AssertSwitchEndedBothLegsAsync(rig, "Session timer expired");
    }

    [Fact]
    public async Task A_relayed_reinvite_from_the_caller_pushes_its_session_expiry_back()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.Supported, "timer");
        invite.Headers.Add(SipHeaderKind.SessionExpires, "90");
        var (caller, _) = await rig.ConnectAsync(invite);
        rig.Clock.AdvanceTo(Seconds(45));

        var refresh = caller.Request(SipMethods.Invite);
        refresh.Headers.Add(SipHeaderKind.Supported, "timer");
        refresh.Headers.Add(SipHeaderKind.SessionExpires, "90;refresher=uac");
        refresh.ContentType = Sdp.ContentType;
        refresh.Body = Sdp.CallerOffer;
        var ok = await rig.Caller.SendAsync(caller, refresh);
        Assert.Equal(200, ok.StatusCode);
        await rig.Caller.AckAsync(caller, refresh.CSeq.Number);
        await rig.Vendor.Acks.WaitAsync(a => a.CSeq.Number > 1, "ACK for the relayed re-INVITE");
        Assert.Equal(200, await rig.ProbeAsync(caller));

        rig.Clock.AdvanceTo(Seconds(104.9));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(Seconds(105));

        await AssertSwitchEndedBothLegsAsync(rig, "Session timer expired");
    }

    [Fact]
    public async Task An_invite_asking_for_less_than_the_minimum_interval_gets_422_with_min_se()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.Supported, "timer");
        invite.Headers.Add(SipHeaderKind.SessionExpires, "89");

        var response = await rig.Caller.SendAsync(invite, rig.SwitchEndPoint);

        Assert.Equal(422, response.StatusCode);
        Assert.Equal("90", response.Headers["Min-SE"]);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task An_invite_asking_for_the_minimum_interval_is_offered_on_to_the_vendor()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.Supported, "timer");
        invite.Headers.Add(SipHeaderKind.SessionExpires, "90");

        var (caller, _) = await rig.ConnectAsync(invite);

        var offered = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE at the vendor");
        Assert.Equal("90", offered.Headers[SipHeaderKind.SessionExpires]);
        Assert.Equal("90", offered.Headers["Min-SE"]);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static bool IsUpdate(SipRequest request) => request.Method == SipMethods.Update;

    /// <summary>Both legs got a BYE with a Reason naming <paramref name="reason"/>, and the CDR blames the switch.</summary>
    internal static async Task AssertSwitchEndedBothLegsAsync(B2buaFixture rig, string reason)
    {
        foreach (var (peer, leg) in new[] { (rig.Caller, "caller"), (rig.Vendor, "vendor") })
        {
            var bye = await peer.Requests.WaitAsync(r => r.Method == SipMethods.Bye, $"BYE to the {leg}");
            Assert.Contains(reason, bye.Headers["Reason"], StringComparison.Ordinal);
        }

        await rig.AssertCallsReleasedAsync();
        var cdr = Assert.Single(rig.Cdrs.Finals.Items);
        Assert.Equal(HangupSide.Switch, cdr.HangupSide);
        Assert.Equal(200, cdr.FinalCode);
    }
}

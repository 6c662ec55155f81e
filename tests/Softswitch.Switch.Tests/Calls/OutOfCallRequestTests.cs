using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Requests the switch answers itself, without starting a call, and what it forwards on the way.</summary>
public sealed class OutOfCallRequestTests
{
    [Fact]
    public async Task An_invite_with_max_forwards_0_gets_483_and_starts_no_call()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.MaxForwards = 0;

        var response = await rig.Caller.SendAsync(invite, rig.SwitchEndPoint);

        Assert.Equal(483, response.StatusCode);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
        Assert.Empty(rig.Vendor.Requests.Items);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task The_vendors_invite_carries_the_callers_max_forwards_less_one()
    {
        await using var rig = new B2buaFixture();
        var invite = rig.Invite();
        invite.MaxForwards = 5;

        var (caller, _) = await rig.ConnectAsync(invite);

        // RFC 7332 §3: a B2BUA passes the hop count on, so two switches routing to each other cannot loop forever.
        var forwarded = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE at the vendor");
        Assert.Equal(4, forwarded.MaxForwards);
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_bye_for_a_dialog_the_switch_does_not_have_gets_481()
    {
        await using var rig = new B2buaFixture();
        var target = SipUri.Parse($"sip:127.0.0.1:{rig.SwitchEndPoint.EndPoint.Port}");
        var bye = SipRequest.Create(
            SipMethods.Bye, target,
            new SipNameAddress { Uri = SipUri.Parse("sip:15550001111@127.0.0.1") }.WithTag("caller-tag"),
            new SipNameAddress { Uri = target }.WithTag("no-such-dialog"),
            SipIdentifiers.NewCallId("caller"), 2);

        var response = await rig.Caller.SendAsync(bye, rig.SwitchEndPoint);

        Assert.Equal(481, response.StatusCode);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_bye_for_a_call_that_has_ended_gets_481()
    {
        await using var rig = new B2buaFixture();
        var (caller, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(caller);

        var again = await rig.Caller.SendAsync(caller, caller.Request(SipMethods.Bye));

        Assert.Equal(481, again.StatusCode);
        await rig.AssertCallsReleasedAsync();
    }
}

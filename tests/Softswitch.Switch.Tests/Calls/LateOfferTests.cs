using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>RFC 3264 §4 late offer: the INVITE has no SDP, the 2xx carries the offer and the ACK the answer.</summary>
public sealed class LateOfferTests
{
    [Fact]
    public async Task The_vendors_ack_waits_for_the_callers_and_carries_its_answer()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { Body = Sdp.VendorOffer };
        var invite = rig.Invite(withOffer: false);

        var (caller, ok) = await rig.ConnectAsync(invite, ack: false);

        var offered = await rig.Vendor.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE at the vendor");
        Assert.True(offered.Body.IsEmpty);
        Assert.Equal(Sdp.VendorOffer, ok.Body.ToArray());
        // The probe went through the vendor after the 200 reached the caller: an ACK sent with the answer would be ahead of it.
        Assert.Empty(rig.Vendor.Acks.Items);

        await rig.Caller.AckAsync(caller, invite.CSeq.Number, Sdp.CallerAnswer);
        var ack = await rig.Vendor.Acks.WaitAsync(_ => true, "ACK at the vendor");
        Assert.Equal(Sdp.CallerAnswer, ack.Body.ToArray());
        Assert.Equal(Sdp.ContentType, ack.ContentType);
        Assert.Equal(offered.CSeq.Number, ack.CSeq.Number);
        Assert.Equal(offered.CallId, ack.CallId);

        await rig.HangUpAsync(caller);
        Assert.Single(rig.Vendor.Acks.Items);
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_late_offer_call_whose_caller_never_acks_ends_on_both_legs_after_64_T1()
    {
        await using var rig = new B2buaFixture();
        rig.Vendor.InviteAnswer = new() { Body = Sdp.VendorOffer };

        await rig.ConnectAsync(rig.Invite(withOffer: false), ack: false);
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(32));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "No ACK for 2xx");
    }

    [Fact]
    public async Task An_early_offer_is_acked_to_the_vendor_at_once_without_a_body()
    {
        await using var rig = new B2buaFixture();

        var (caller, _) = await rig.ConnectAsync(ack: false);

        var ack = await rig.Vendor.Acks.WaitAsync(_ => true, "ACK at the vendor");
        Assert.True(ack.Body.IsEmpty);
        await rig.Caller.AckAsync(caller, 1);
        await rig.HangUpAsync(caller);
        Assert.Single(rig.Vendor.Acks.Items);
        await rig.AssertCallsReleasedAsync();
    }
}

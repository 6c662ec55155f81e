using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>RFC 3261 §13.3.1.4: the switch, as the caller's UAS, keeps its 2xx alive until the ACK and gives up after 64*T1.</summary>
public sealed class UnacknowledgedAnswerTests
{
    [Fact]
    public async Task An_answer_the_caller_never_acks_is_resent_and_after_64_T1_both_legs_are_ended()
    {
        await using var rig = new B2buaFixture();
        var (caller, ok) = await rig.ConnectAsync(ack: false);

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(31.9));
        // T1 = 0.5 s doubling to T2 = 4 s: resent at 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5 and 31.5 s.
        await rig.Caller.StrayResponses.WaitAsync(r => IsResentAnswer(r, ok), "resent 200", nth: 10);
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(32));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "No ACK for 2xx");
        Assert.Equal(10, rig.Caller.StrayResponses.Count(r => IsResentAnswer(r, ok)));
    }

    [Fact]
    public async Task An_ack_after_some_resends_stops_them_and_keeps_the_call_up()
    {
        await using var rig = new B2buaFixture();
        var (caller, ok) = await rig.ConnectAsync(ack: false);
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(2));
        await rig.Caller.StrayResponses.WaitAsync(r => IsResentAnswer(r, ok), "resent 200", nth: 2);

        await rig.Caller.AckAsync(caller, 1);
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(40));

        Assert.Equal(200, await rig.ProbeAsync(caller));
        Assert.Equal(2, rig.Caller.StrayResponses.Count(r => IsResentAnswer(r, ok)));
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
    }

    private static bool IsResentAnswer(SipResponse response, SipResponse ok) =>
        response.StatusCode == 200 && response.CSeq.Method == SipMethods.Invite && response.To.Tag == ok.To.Tag;
}

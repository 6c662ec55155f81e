using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Events;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Every call's state changes go out, in order and with the call's facts, on one stream the CDR writer also reads.</summary>
public sealed class CallEventStreamTests
{
    [Fact]
    public async Task A_call_publishes_created_ringing_answered_and_ended_in_order_with_its_cdr_facts()
    {
        var events = new RecordingConsumer();
        await using var rig = new B2buaFixture(callEvents: events);
        rig.Vendor.InviteAnswer = new InviteAnswer { RingFirst = true };

        var (caller, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(caller);
        await rig.AssertCallsReleasedAsync();
        var published = await events.Inbox.WaitAsync(e => e.Kind == CallEventKind.Ended, "the call's end");

        var all = events.Inbox.Items;
        Assert.Equal([CallEventKind.Created, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended], all.Select(e => e.Kind));
        Assert.Equal([1L, 2, 3, 4], all.Select(e => e.Sequence));
        Assert.Single(all.Select(e => e.Call.Id).Distinct());
        Assert.Equal((200, HangupSide.Caller), (published.Call.FinalCode, published.Call.HangupSide));
        Assert.NotNull(published.Call.AnswerAt);
        Assert.Equal("442071234567", published.Call.CalleeReceived);
        // The CDR recorder read the same stream first: its final CDR is the ended event's record.
        Assert.Equal(published.Call, Assert.Single(rig.Cdrs.Finals.Items));
        Assert.Equal(3, rig.Cdrs.Journal.Items.Count);
    }

    [Fact]
    public async Task A_refused_invite_publishes_nothing()
    {
        var events = new RecordingConsumer();
        await using var rig = new B2buaFixture(callEvents: events);
        var invite = rig.Invite();
        invite.Headers.Add(SipHeaderKind.Require, "100rel");

        Assert.Equal(420, (await rig.Caller.SendAsync(invite, rig.SwitchEndPoint)).StatusCode);
        var (caller, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(caller);
        await events.Inbox.WaitAsync(e => e.Kind == CallEventKind.Ended, "the admitted call's end");

        Assert.Single(events.Inbox.Items.Select(e => e.Call.CallId).Distinct());
    }

    private sealed class RecordingConsumer : ICallEventConsumer
    {
        public Inbox<CallEvent> Inbox { get; } = new();

        public ValueTask OnCallEventAsync(CallEvent callEvent)
        {
            Inbox.Add(callEvent);
            return ValueTask.CompletedTask;
        }
    }
}

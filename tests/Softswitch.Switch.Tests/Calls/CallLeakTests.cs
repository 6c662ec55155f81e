namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// After many calls have come and gone the switch holds nothing of them: no call, dialog, INVITE claim, transaction,
/// answer being retransmitted or pending timer, and its gauges are back to zero (issue 7). On the fake clock every
/// timer is counted; the 10,000-call run through a real process with SIPp is <c>SippLeakTests</c> in the interop tests.
/// </summary>
public sealed class CallLeakTests
{
    private const int Calls = 1_000;
    private const int Concurrent = 20;

    [Fact]
    public async Task A_thousand_calls_leave_no_call_dialog_transaction_or_timer_behind()
    {
        await using var rig = new B2buaFixture();
        for (var started = 0; started < Calls; started += Concurrent)
        {
            await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async _ =>
            {
                var (caller, _) = await rig.ConnectAsync();
                await rig.HangUpAsync(caller);
            }));
        }

        await rig.AssertCallsReleasedAsync();
        Assert.Equal(Calls, rig.B2bua.Counters.CallsAccepted);

        // RFC 3261 §17: a UDP transaction lingers 64*T1 after its final response (Timers D, H, J, K); then nothing is left.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(40));
        await rig.UntilIdleAsync();
        Assert.Equal(0, rig.TransactionCount);
        Assert.Equal(0, rig.B2bua.InviteClaimCount);
        Assert.Equal(0, rig.B2bua.AnswersRetransmitting);
        Assert.Equal(0, rig.B2bua.PendingAdmissions);
        Assert.Equal(0, rig.B2bua.Counters.ActiveCalls);
        Assert.Equal(0, rig.Clock.PendingTimers);
    }
}

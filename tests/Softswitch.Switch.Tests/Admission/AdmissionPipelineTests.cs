using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class AdmissionPipelineTests
{
    private readonly AdmissionRig _rig = new();

    [Fact]
    public async Task A_rejecting_stage_stops_the_stages_after_it_and_every_stage_counts_what_it_did()
    {
        var first = new ScriptedStage("first");
        var refusing = new ScriptedStage("refusing", reject: 403);
        var never = new ScriptedStage("never");
        var pipeline = new AdmissionPipeline([first, refusing, never], _rig.Time);

        var decision = await pipeline.RunAsync(_rig.Context());

        Assert.Equal(AdmissionVerdict.Reject, decision.Verdict);
        Assert.Equal((403, "refusing"), (decision.Response!.StatusCode, decision.RuleId));
        Assert.Equal((1, 1, 0), (first.Calls, refusing.Calls, never.Calls));
        Assert.Equal([(1L, 0L), (1L, 1L), (0L, 0L)], pipeline.Counters.Select(c => (c.Evaluated, c.Rejected)));
    }

    [Fact]
    public async Task A_later_rejection_gives_back_what_earlier_stages_reserved_last_taken_first()
    {
        var released = new List<string>();
        var pipeline = new AdmissionPipeline(
            [new ReservingStage("slot-a", released), new ReservingStage("slot-b", released), new ScriptedStage("no", reject: 503)], _rig.Time);
        var context = _rig.Context();

        await pipeline.RunAsync(context);
        pipeline.Release(context);

        Assert.Equal(["slot-b", "slot-a"], released);
    }

    [Fact]
    public async Task An_admitted_call_keeps_its_reservations_until_released_once()
    {
        var released = new List<string>();
        var pipeline = new AdmissionPipeline([new ReservingStage("slot", released), new ScriptedStage("ok")], _rig.Time);
        var context = _rig.Context();

        Assert.True((await pipeline.RunAsync(context)).IsContinue);
        Assert.Empty(released);
        pipeline.Release(context);
        pipeline.Release(context);
        Assert.Equal(["slot"], released);
    }

    [Fact]
    public async Task An_asynchronous_stage_is_awaited_and_the_stages_after_it_still_run_in_order()
    {
        var gate = new TaskCompletionSource<AdmissionDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = new ScriptedStage("after", reject: 486);
        var pipeline = new AdmissionPipeline([new AwaitingStage(gate.Task), after], _rig.Time);

        var running = pipeline.RunAsync(_rig.Context());
        Assert.False(running.IsCompleted);
        Assert.Equal(0, after.Calls);
        gate.SetResult(AdmissionDecision.Continue);

        Assert.Equal(486, (await running).Response!.StatusCode);
        Assert.Equal(1, after.Calls);
    }

    [Fact]
    public async Task A_stage_that_throws_gives_back_the_reservations_and_the_exception_surfaces()
    {
        var released = new List<string>();
        var pipeline = new AdmissionPipeline([new ReservingStage("slot", released), new ThrowingStage()], _rig.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await pipeline.RunAsync(_rig.Context()));
        Assert.Equal(["slot"], released);
    }

    [Fact]
    public async Task Time_spent_in_each_stage_is_counted_on_the_injected_clock()
    {
        var pipeline = new AdmissionPipeline([new ClockAdvancingStage(_rig, TimeSpan.FromMilliseconds(5)), new ScriptedStage("quick")], _rig.Time);

        await pipeline.RunAsync(_rig.Context());

        Assert.Equal(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds((double)pipeline.Counters[0].ElapsedTicks / _rig.Time.TimestampFrequency));
        Assert.Equal(0, pipeline.Counters[1].ElapsedTicks);
    }

    [Fact]
    public void The_common_path_allocates_nothing()
    {
        var pipeline = new AdmissionPipeline([new ScriptedStage("a"), new ScriptedStage("b"), new ScriptedStage("c")], _rig.Time);
        var context = _rig.Context();
        var completed = RunSynchronously(pipeline, context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            completed &= RunSynchronously(pipeline, context);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(completed);
        Assert.Equal(0, allocated);
    }

    private static bool RunSynchronously(AdmissionPipeline pipeline, AdmissionContext context)
    {
        var running = pipeline.RunAsync(context);
        return running.IsCompletedSuccessfully && running.Result.IsContinue;
    }

    [Fact]
    public void Stage_names_must_be_unique()
    {
        Assert.Throws<ArgumentException>(() => new AdmissionPipeline([new ScriptedStage("same"), new ScriptedStage("same")], _rig.Time));
    }

    private sealed class ScriptedStage(string name, int? reject = null) : IAdmissionStage
    {
        public int Calls { get; private set; }

        public string Name => name;

        public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
        {
            Calls++;
            return new(reject is { } status
                ? AdmissionDecision.Reject(context.Transaction.CreateResponse(status), name)
                : AdmissionDecision.Continue);
        }
    }

    private sealed class ReservingStage(string name, List<string> released) : IReservingAdmissionStage
    {
        public string Name => name;

        public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context) => new(AdmissionDecision.Continue);

        public void Release(AdmissionContext context) => released.Add(name);
    }

    private sealed class AwaitingStage(Task<AdmissionDecision> decision) : IAdmissionStage
    {
        public string Name => "awaiting";

        public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context) => new(decision);
    }

    private sealed class ThrowingStage : IAdmissionStage
    {
        public string Name => "throwing";

        public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context) => throw new InvalidOperationException("stage bug");
    }

    private sealed class ClockAdvancingStage(AdmissionRig rig, TimeSpan cost) : IAdmissionStage
    {
        public string Name => "slow";

        public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
        {
            rig.Time.Advance(cost);
            return new(AdmissionDecision.Continue);
        }
    }
}

using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Tests.Fraud;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>Issue 8 §4: the dynamic-blacklist admission stage and the call-event consumer that feeds the no-answer rules.</summary>
public sealed class DynamicBlacklistStageTests
{
    [Fact]
    public async Task A_caller_past_the_blocking_level_is_refused_with_the_rules_status_and_a_reason_naming_the_rule()
    {
        var rig = new AdmissionRig();
        var (stage, blacklist, _) = Build(rig, BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 1, edit: r => (r.TenantId, r.ResponseCode) = ("t", 480)));

        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal((AdmissionVerdict.Reject, 480, DynamicBlacklistStage.StageName), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Contains("Dynamic blacklist: Caller blocked by rule frr_callerfrequency", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.True(blacklist.For("t")!.IsBlocked(new BlacklistKey(null, BlacklistSubject.Caller, "15550001111"), rig.Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_tenant_without_rules_or_entries_passes_and_a_hand_made_entry_is_refused_with_403()
    {
        var rig = new AdmissionRig();
        var (stage, blacklist, _) = Build(rig);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);

        blacklist.Apply("t", new BlacklistEntryState(
            new BlacklistKey(null, BlacklistSubject.Callee, "442071234567"), BlacklistEntryKind.Block, rig.Time.GetUtcNow().AddMinutes(1), null), rig.Time.GetUtcNow());
        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(403, refused.Response!.StatusCode);
        Assert.Contains("Dynamic blacklist: Callee blocked", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrency_place_is_given_back_when_a_later_stage_refuses_or_the_call_ends()
    {
        var rig = new AdmissionRig();
        var (stage, _, _) = Build(rig, BlacklistRig.Rule(FraudRuleKind.CallerConcurrency, blocking: 1, expireSeconds: 0, edit: r => r.TenantId = "t"));
        var first = await IdentifiedAsync(rig);

        Assert.True((await stage.EvaluateAsync(first)).IsContinue);
        Assert.False((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        stage.Release(first);

        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task Ended_calls_from_the_event_stream_feed_the_no_answer_rules_of_their_tenant()
    {
        var rig = new AdmissionRig();
        var (stage, blacklist, _) = Build(rig, BlacklistRig.Rule(FraudRuleKind.NoAnswer, blocking: 1, edit: r => r.TenantId = "t"));
        var outcomes = new DynamicBlacklistOutcomes(blacklist);
        var setup = rig.Time.GetUtcNow();
        for (var i = 0; i < 2; i++)
        {
            await outcomes.OnCallEventAsync(new CallEvent(CallEventKind.Ended, 4, new CallDetailRecord
            {
                Id = $"cdr_{i}", TenantId = "t", CallId = $"c{i}", AccountId = "c", MappingGatewayId = "trunk", CallerReceived = "15550001111",
                CalleeReceived = "442071234567", SetupAt = setup, EndAt = setup.AddSeconds(20), FinalCode = 480,
            }));
        }

        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(403, refused.Response!.StatusCode);
        Assert.Contains("Callee blocked by rule frr_noanswer", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    private static (DynamicBlacklistStage Stage, DynamicBlacklist Blacklist, BlacklistRig Sink) Build(AdmissionRig rig, params FraudRule[] rules)
    {
        var sink = new BlacklistRig();
        var blacklist = new DynamicBlacklist(new DynamicBlacklistOptions(), new InProcessFraudCounterStore(1_000, rig.Time), sink);
        blacklist.SetRules(new Dictionary<string, IReadOnlyList<FraudRuleSpec>> { ["t"] = rules.Select(r => new FraudRuleSpec(r)).ToList() });
        return (new DynamicBlacklistStage(blacklist, rig.Time), blacklist, sink);
    }

    private static async Task<AdmissionContext> IdentifiedAsync(AdmissionRig rig)
    {
        var context = rig.Context();
        Assert.True((await rig.Ingress().EvaluateAsync(context)).IsContinue);
        return context;
    }
}

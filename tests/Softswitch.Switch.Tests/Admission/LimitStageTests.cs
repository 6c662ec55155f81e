using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>Issue 8 §5: call-rate token buckets per trunk and per account, and the account's concurrent-call cap.</summary>
public sealed class LimitStageTests
{
    private static readonly SipEndPoint Neighbour = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5060));

    [Fact]
    public void A_bucket_allows_one_seconds_worth_then_refills_at_the_rate_and_never_above_it()
    {
        var clock = new FakeTimeProvider();
        var buckets = new CallRateBuckets(clock);

        Assert.Equal(5, Enumerable.Range(0, 8).Count(_ => buckets.TryTake("mgw_1", 5)));
        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(2, Enumerable.Range(0, 8).Count(_ => buckets.TryTake("mgw_1", 5)));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(5, Enumerable.Range(0, 8).Count(_ => buckets.TryTake("mgw_1", 5)));
        Assert.True(buckets.TryTake("mgw_2", 5), "each id has a bucket of its own");
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(buckets.TryTake("mgw_3", null)));
    }

    [Fact]
    public async Task A_trunk_over_its_rate_gets_503_with_retry_after_naming_the_rule_until_the_bucket_refills()
    {
        var rig = new AdmissionRig(edit: rows => rows.MappingGateways.Single(g => g.Id == "trunk").MaxCallsPerSecond = 2);
        var stage = new CallRateStage(new CallRateBuckets(rig.Time));

        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));
        rig.Time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal((AdmissionVerdict.Reject, 503, "call-rate"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Equal("1", refused.Response.Headers[SipHeaderKind.RetryAfter]);
        Assert.Contains("Trunk call rate", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task An_accounts_rate_counts_its_phones_and_trunks_together_and_no_other_tenants_calls()
    {
        var rig = new AdmissionRig(neighbour: [], edit: rows => rows.Accounts.Single(a => a.Id == "c").MaxCallsPerSecond = 2);
        var stage = new CallRateStage(new CallRateBuckets(rig.Time));

        // Another tenant's calls take nothing from this account's bucket.
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig, Neighbour))).IsContinue);
        }

        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(503, refused.Response!.StatusCode);
        Assert.Contains("Account call rate", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_at_its_concurrent_cap_gets_480_until_one_of_its_calls_gives_its_slot_back()
    {
        var rig = new AdmissionRig(neighbour: [], edit: rows => rows.Accounts.Single(a => a.Id == "c").MaxConcurrentCalls = 1);
        var stage = new AccountCapacityStage(rig.Capacity);
        var first = await IdentifiedAsync(rig);

        Assert.True((await stage.EvaluateAsync(first)).IsContinue);
        var refused = await stage.EvaluateAsync(await IdentifiedAsync(rig));
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig, Neighbour))).IsContinue, "another tenant's account has its own count");
        stage.Release(first);

        Assert.Equal((AdmissionVerdict.Reject, 480, "account-capacity"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    private static async Task<AdmissionContext> IdentifiedAsync(AdmissionRig rig, SipEndPoint? source = null)
    {
        var context = rig.Context(source: source);
        Assert.True((await rig.Ingress().EvaluateAsync(context)).IsContinue);
        return context;
    }
}

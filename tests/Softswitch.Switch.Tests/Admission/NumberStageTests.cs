using PhoneNumbers;
using Softswitch.Domain;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;
using Softswitch.Switch.Tests.Numbers;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>
/// The number layer's admission stages: the trunk's black/white lists (<c>number-lists</c>), its caller/callee rules
/// (<c>gateway-numbers</c>) and the account's destinations (<c>account-destination</c>). The rig's INVITE comes from
/// caller 15550001111 to callee 442071234567.
/// </summary>
public sealed class NumberStageTests
{
    private const string Caller = "15550001111";
    private const string Callee = "442071234567";

    [Fact]
    public async Task A_black_list_refuses_a_listed_caller_with_403_naming_the_rule()
    {
        var rig = Rig(s => s.NumberListIds = ["bl"]);
        var numbers = new NumberRows().List("t", "bl", NumberListKind.Black, NumberSide.Caller, [Caller]).Source();

        var refused = await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal((AdmissionVerdict.Reject, 403, "number-list"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Contains("Caller refused by number list", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_black_list_lets_other_numbers_through()
    {
        var rig = Rig(s => s.NumberListIds = ["bl"]);
        var numbers = new NumberRows().List("t", "bl", NumberListKind.Black, NumberSide.Caller, ["15550001112", Callee]).Source();

        Assert.True((await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task A_white_list_admits_only_its_numbers_and_answers_with_its_own_status()
    {
        var rig = Rig(s => s.NumberListIds = ["wl"]);
        var admitting = new NumberRows().List("t", "wl", NumberListKind.White, NumberSide.Callee, [Callee]).Source();
        var refusing = new NumberRows().List("t", "wl", NumberListKind.White, NumberSide.Callee, ["442071234568"], status: 404).Source();

        Assert.True((await new NumberListStage(admitting).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        var refused = await new NumberListStage(refusing).EvaluateAsync(await IdentifiedAsync(rig));
        Assert.Equal((404, "number-list"), (refused.Response!.StatusCode, refused.RuleId));
    }

    [Fact]
    public async Task A_lists_number_groups_count_as_members_by_prefix()
    {
        var rig = Rig(s => s.NumberListIds = ["bl"]);
        var numbers = new NumberRows().Group("t", "uk-london", "4420").List("t", "bl", NumberListKind.Black, NumberSide.Callee, [], groups: ["uk-london"]).Source();

        Assert.Equal("number-list", (await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(rig))).RuleId);
    }

    [Fact]
    public async Task Lists_are_checked_on_the_numbers_the_trunks_rewrite_rules_make()
    {
        var rig = Rig(s => s.NumberListIds = ["bl"], r => r.MappingGateways[0].CalleeRewriteRules = [new RewriteRule { MatchPrefix = "44", Replacement = "0044" }]);
        var numbers = new NumberRows().List("t", "bl", NumberListKind.Black, NumberSide.Callee, ["00" + Callee]).Source();

        Assert.Equal("number-list", (await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(rig))).RuleId);
    }

    [Fact]
    public async Task Before_the_lists_are_loaded_a_trunk_with_lists_gets_503_rather_than_no_check()
    {
        var rig = Rig(s => s.NumberListIds = ["bl"]);

        var refused = await new NumberListStage(new NumberPlanSource(NumberPlan.NotLoaded)).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal((503, NumberRefusal.UnavailableRule), (refused.Response!.StatusCode, refused.RuleId));
        Assert.Equal("1", refused.Response.Headers[Softswitch.Sip.Messages.SipHeaderKind.RetryAfter]);
    }

    [Fact]
    public async Task Another_tenants_list_never_decides_this_tenants_calls()
    {
        // Tenant n's black list "bl" holds our caller; ours, under the same id, is empty: lists are found per tenant.
        var rig = Rig(s => s.NumberListIds = ["bl"]);
        var numbers = new NumberRows().List("n", "bl", NumberListKind.Black, NumberSide.Caller, [Caller])
            .List("t", "bl", NumberListKind.Black, NumberSide.Caller, []).Source();

        Assert.True((await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task A_list_or_group_the_switch_has_not_read_yet_refuses_with_503_rather_than_admitting_unchecked()
    {
        var list = Rig(s => s.NumberListIds = ["new"]);
        var group = Rig(s => s.Callee.ForbiddenGroupIds = ["new"]);
        var numbers = NumberPlanSource.Unconfigured;

        Assert.Equal(NumberRefusal.UnavailableRule, (await new NumberListStage(numbers).EvaluateAsync(await IdentifiedAsync(list))).RuleId);
        Assert.Equal(NumberRefusal.UnavailableRule, (await new GatewayNumberStage(numbers).EvaluateAsync(await IdentifiedAsync(group))).RuleId);
    }

    [Theory]
    [InlineData(12, null, true)]
    [InlineData(11, 11, false)]
    [InlineData(null, 10, true)]
    public async Task Caller_length_limits_refuse_with_caller_length(int? min, int? max, bool refused)
    {
        var rig = Rig(s => (s.CallerMinLength, s.CallerMaxLength) = (min, max));

        var decision = await new GatewayNumberStage(NumberPlanSource.Unconfigured).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(refused ? "caller-length" : null, decision.RuleId);
    }

    [Fact]
    public async Task Caller_and_callee_prefixes_allow_and_forbid()
    {
        var forbidCaller = Rig(s => s.Caller.ForbiddenPrefixes = ["1555"]);
        var allowOtherCallees = Rig(s => s.Callee.AllowedPrefixes = ["33", "49"]);
        var allowed = Rig(s => (s.Caller.AllowedPrefixes, s.Callee.ForbiddenPrefixes) = (["1"], ["4430"]));
        var stage = new GatewayNumberStage(NumberPlanSource.Unconfigured);

        var caller = await stage.EvaluateAsync(await IdentifiedAsync(forbidCaller));
        var callee = await stage.EvaluateAsync(await IdentifiedAsync(allowOtherCallees));

        Assert.Equal(("caller-prefix", 403), (caller.RuleId, caller.Response!.StatusCode));
        Assert.Contains("Caller prefix forbidden", caller.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.Equal("callee-prefix", callee.RuleId);
        Assert.Contains("Callee prefix not allowed", callee.Response!.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(allowed))).IsContinue);
    }

    [Fact]
    public async Task Number_groups_serve_as_prefixes_in_rules_and_follow_the_groups_edits()
    {
        var rig = Rig(s => s.Callee.ForbiddenGroupIds = ["g"]);
        var before = new NumberRows().Group("t", "g", "33").Source();
        var after = new NumberRows().Group("t", "g", "33", "4420").Source();

        Assert.True((await new GatewayNumberStage(before).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        Assert.Equal("callee-prefix", (await new GatewayNumberStage(after).EvaluateAsync(await IdentifiedAsync(rig))).RuleId);
    }

    [Fact]
    public async Task A_forbidden_class_refuses_with_number_class_and_the_rules_status()
    {
        var premium = NumberClassificationTests.Example("GB", PhoneNumberType.PREMIUM_RATE);
        var rig = Rig(
            s => s.Callee = new NumberRule { ForbiddenClasses = [NumberClass.PremiumRate], RefusalStatus = 488 },
            r => r.MappingGateways[0].CalleeRewriteRules = [new RewriteRule { MatchPrefix = Callee, Replacement = premium }]);

        var refused = await new GatewayNumberStage(NumberPlanSource.Unconfigured).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(("number-class", 488), (refused.RuleId, refused.Response!.StatusCode));
        Assert.Contains("premium-rate", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_destinations_refuse_forbidden_prefixes_for_trunks_and_phones()
    {
        var rig = Rig(account: a => a.Destinations = new NumberRule { ForbiddenPrefixes = ["44"] });

        var refused = await new AccountDestinationStage(NumberPlanSource.Unconfigured).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal(("account-destination", 403), (refused.RuleId, refused.Response!.StatusCode));
    }

    [Fact]
    public async Task Block_international_follows_the_tenants_home_country()
    {
        var rig = Rig(account: a => a.BlockInternational = true);
        var stage = (string? home) => new AccountDestinationStage(new NumberRows().Settings("t", home).Source());

        Assert.True((await stage("GB").EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        var refused = await stage("US").EvaluateAsync(await IdentifiedAsync(rig));
        Assert.Equal("number-class", refused.RuleId);
        Assert.Contains("international", refused.Response!.Headers[ReasonHeader.Name], StringComparison.Ordinal);
        Assert.Equal("number-class", (await stage(null).EvaluateAsync(await IdentifiedAsync(rig))).RuleId);
    }

    [Fact]
    public async Task Block_premium_refuses_premium_callees_only()
    {
        var premium = NumberClassificationTests.Example("GB", PhoneNumberType.PREMIUM_RATE);
        var toPremium = Rig(
            account: a => a.BlockPremium = true,
            edit: r => r.MappingGateways[0].CalleeRewriteRules = [new RewriteRule { MatchPrefix = Callee, Replacement = premium }]);
        var toLandline = Rig(account: a => a.BlockPremium = true);
        var stage = new AccountDestinationStage(NumberPlanSource.Unconfigured);

        Assert.Equal("number-class", (await stage.EvaluateAsync(await IdentifiedAsync(toPremium))).RuleId);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(toLandline))).IsContinue);
    }

    [Fact]
    public async Task Class_rules_wait_for_the_number_plan_but_plain_prefix_rules_do_not()
    {
        var classes = Rig(account: a => a.BlockPremium = true);
        var prefixes = Rig(account: a => a.Destinations = new NumberRule { ForbiddenPrefixes = ["33"] });
        var stage = new AccountDestinationStage(new NumberPlanSource(NumberPlan.NotLoaded));

        Assert.Equal(503, (await stage.EvaluateAsync(await IdentifiedAsync(classes))).Response!.StatusCode);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(prefixes))).IsContinue);
    }

    [Fact]
    public async Task Without_number_settings_the_stages_cost_nothing_and_continue()
    {
        var rig = Rig();
        var context = await IdentifiedAsync(rig);
        var numbers = new NumberPlanSource(NumberPlan.NotLoaded);

        Assert.True((await new NumberListStage(numbers).EvaluateAsync(context)).IsContinue);
        Assert.True((await new GatewayNumberStage(numbers).EvaluateAsync(context)).IsContinue);
        Assert.True((await new AccountDestinationStage(numbers).EvaluateAsync(context)).IsContinue);
    }

    [Fact]
    public void The_number_stages_run_after_the_account_binding_and_before_any_rate_or_capacity_is_taken()
    {
        var rig = new AdmissionRig();
        var names = AdmissionStages.Default(
            rig.Options, rig.Counters, new RecordingCdrSink(), new CallIngress(rig.Authenticator), rig.Capacity, rig.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new Softswitch.Switch.Geofencing.GeofencePolicySource(), NumberPlanSource.Unconfigured)
            .Select(s => s.Name).ToList();

        var at = names.IndexOf("account-access-ip");
        Assert.Equal(
            ["geofence-source", "geofence-sdp", "number-lists", "gateway-numbers", "account-destination", "call-rate"], names.Skip(at + 1).Take(6));
    }

    private static AdmissionRig Rig(Action<NumberScreening>? screening = null, Action<SwitchConfigRows>? edit = null, Action<Account>? account = null) =>
        new(edit: rows =>
        {
            var trunk = rows.MappingGateways.Single(g => g.Id == "trunk");
            screening?.Invoke(trunk.NumberScreening);
            account?.Invoke(rows.Accounts.Single(a => a.Id == "c"));
            edit?.Invoke(rows);
        });

    private static async Task<AdmissionContext> IdentifiedAsync(AdmissionRig rig)
    {
        var context = rig.Context();
        Assert.True((await rig.Ingress().EvaluateAsync(context)).IsContinue);
        return context;
    }
}

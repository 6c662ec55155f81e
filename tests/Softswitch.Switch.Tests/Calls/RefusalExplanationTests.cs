using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>
/// Issue 8 §6 on the wire: a call refused once its tenant is known gets a CDR naming the rule (durable before the
/// answer) and a security event with the evidence; the tenant may choose the answer per rule, or only watch the rule.
/// </summary>
public sealed class RefusalExplanationTests
{
    private const string Bound = "203.0.113.1";
    private readonly RecordingSecurityEvents _events = new();

    [Fact]
    public async Task A_refused_call_has_a_cdr_and_a_security_event_naming_the_rule_and_the_call()
    {
        await using var rig = new B2buaFixture(port => Snapshot(port), securityEvents: _events);
        var invite = rig.Invite();

        var refused = await rig.Caller.SendAsync(invite, rig.SwitchEndPoint);

        Assert.Equal(403, refused.StatusCode);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the refusal's CDR");
        Assert.Equal(
            ("account-access-ip", 403, LoopbackTrunks.Tenant, LoopbackTrunks.MappingGateway, invite.CallId, "15550001111", "442071234567"),
            (cdr.RefusedBy, cdr.FinalCode, cdr.TenantId, cdr.MappingGatewayId, cdr.CallId, cdr.CallerReceived, cdr.CalleeReceived));
        Assert.Equal(HangupSide.Switch, cdr.HangupSide);
        Assert.Empty(rig.Cdrs.Journal.Items);
        var raised = await _events.Raised.WaitAsync(_ => true, "the refusal's security event");
        Assert.Equal(
            (SecurityAction.Refuse, "account-access-ip", LoopbackTrunks.Tenant, "127.0.0.1", cdr.Id, "15550001111", "442071234567", LoopbackTrunks.MappingGateway),
            (raised.Action, raised.Rule, raised.TenantId, raised.Address.ToString(), raised.CdrId, raised.Caller, raised.Callee, raised.MappingGatewayId));
        Assert.Contains("source 127.0.0.1", raised.Evidence, StringComparison.Ordinal);
        Assert.Empty(rig.Vendor.Requests.Items);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
    }

    [Fact]
    public async Task The_answer_waits_until_the_refusals_cdr_is_durable()
    {
        var cdrs = new HeldCdrSink();
        await using var rig = new B2buaFixture(port => Snapshot(port), cdrs: _ => cdrs, securityEvents: _events);

        var answering = rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);
        await cdrs.Finals.WaitAsync(_ => true, "the refusal's CDR handed over");
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        var answeredEarly = answering.IsCompleted;
        cdrs.MakeDurable();

        Assert.False(answeredEarly, "the caller was answered before its CDR was durable");
        Assert.Equal(403, (await answering).StatusCode);
    }

    [Fact]
    public async Task A_tenant_chosen_answer_replaces_the_rules_own_code_and_reason()
    {
        var policy = new RefusalPolicy { Rule = RefusalRules.AccountAccessIp, Mode = RefusalMode.Enforce, StatusCode = 404, ReasonText = "No such number" };
        await using var rig = new B2buaFixture(port => Snapshot(port, policy), securityEvents: _events);

        var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(404, refused.StatusCode);
        Assert.Equal("Q.850;cause=1;text=\"No such number\"", refused.Headers[ReasonHeader.Name]);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the refusal's CDR");
        Assert.Equal((404, "account-access-ip"), (cdr.FinalCode, cdr.RefusedBy));
    }

    [Fact]
    public async Task A_monitor_only_rule_lets_the_call_through_and_records_what_it_would_have_refused()
    {
        var policy = new RefusalPolicy { Rule = RefusalRules.AccountAccessIp, Mode = RefusalMode.Monitor };
        await using var rig = new B2buaFixture(port => Snapshot(port, policy), securityEvents: _events);

        var (dialog, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(dialog);

        var watched = await _events.Raised.WaitAsync(_ => true, "the would-refuse event");
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the call's CDR");
        Assert.Equal((SecurityAction.Monitor, "account-access-ip", cdr.Id), (watched.Action, watched.Rule, watched.CdrId));
        Assert.Null(cdr.RefusedBy);
        Assert.Equal(200, cdr.FinalCode);
        var stage = rig.B2bua.Admission.Counters.Single(c => c.Stage == "account-access-ip");
        Assert.Equal((1, 1), (stage.Rejected, stage.Monitored));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task Another_tenants_monitor_policy_leaves_this_tenants_rule_enforced()
    {
        await using var rig = new B2buaFixture(port => Snapshot(port, neighbourPolicy: new RefusalPolicy { Rule = RefusalRules.AccountAccessIp, Mode = RefusalMode.Monitor }));

        var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(403, refused.StatusCode);
    }

    /// <summary>The loopback trunk's account is bound to <see cref="Bound"/>, so every call from 127.0.0.1 is refused by its rule.</summary>
    private static SwitchConfigSnapshot Snapshot(int vendorPort, RefusalPolicy? policy = null, RefusalPolicy? neighbourPolicy = null)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, "acc_customer", accessIps: [Bound])
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, "acc_customer", LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Tenant("ten_n")
            .Build();
        var vendor = rows.RoutingGateways.Single();
        vendor.Host = "127.0.0.1";
        vendor.Port = vendorPort;
        rows.Tenants.Single(t => t.Id == LoopbackTrunks.Tenant).RefusalPolicies = policy is null ? [] : [policy];
        rows.Tenants.Single(t => t.Id == "ten_n").RefusalPolicies = neighbourPolicy is null ? [] : [neighbourPolicy];
        return SwitchConfigSnapshot.Create(1, rows);
    }
}

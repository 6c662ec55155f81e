using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Health;
using Softswitch.Switch.Health;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>
/// Issue 9 §8 "a gateway down (OPTIONS)": the switch's transitions, stored by <see cref="GatewayHealthWriter"/>, fire
/// one <c>gateway_down</c> alarm per down period once it lasted the rule's threshold, resolved when the gateway answers.
/// </summary>
public sealed class GatewayDownAlarmTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_gateway_down_past_the_threshold_fires_once_and_is_resolved_when_it_answers_again()
    {
        await using var rig = await AlarmRig.StartAsync();
        var gateway = await GatewayAsync(rig.Tenant);
        var rule = await rig.RuleAsync(new { name = "Vendor down", kind = "gateway_down", threshold = 120, suppression_minutes = 0 });
        await StoreAsync(rig, Transition(rig, gateway, GatewayHealthStatus.Down));

        await rig.EvaluateAsync();
        Assert.Empty(await rig.AlarmsAsync());
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal(("gateway_down", "routing_gateway", gateway, rule, "open"), (Str(alarm, "kind"), Str(alarm, "subject_type"), Str(alarm, "subject_id"), Str(alarm, "rule_id"), Str(alarm, "state")));
        Assert.Equal((120m, 120m), (alarm["observed"]!.GetValue<decimal>(), alarm["threshold"]!.GetValue<decimal>()));
        Assert.Contains("egress", Str(alarm, "evidence"), StringComparison.Ordinal);

        await StoreAsync(rig, Transition(rig, gateway, GatewayHealthStatus.Up));
        await rig.EvaluateAsync();
        Assert.Equal(("resolved", "alarm-evaluation"), (Str((await rig.AlarmsAsync())[0]!, "state"), Str((await rig.AlarmsAsync())[0]!, "resolved_by")));

        await StoreAsync(rig, Transition(rig, gateway, GatewayHealthStatus.Down));
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();
        Assert.Equal(2, (await rig.AlarmsAsync()).Count);
    }

    [Fact]
    public async Task A_gateway_back_up_before_the_threshold_never_fires()
    {
        await using var rig = await AlarmRig.StartAsync();
        var gateway = await GatewayAsync(rig.Tenant);
        await rig.RuleAsync(new { name = "Vendor down", kind = "gateway_down", threshold = 300, routing_gateway_id = gateway });
        await StoreAsync(rig, Transition(rig, gateway, GatewayHealthStatus.Down));
        await rig.EvaluateAsync();
        await StoreAsync(rig, Transition(rig, gateway, GatewayHealthStatus.Up));

        for (var i = 0; i < 6; i++)
        {
            await rig.EvaluateAsync();
        }

        Assert.Empty(await rig.AlarmsAsync());
    }

    [Fact]
    public async Task Another_tenants_down_gateway_never_fires_a_tenants_rule_and_its_alarm_stays_its_own()
    {
        await using var rig = await AlarmRig.StartAsync();
        using var bravo = await rig.App.CreateTenantAsync("bravo");
        var theirs = await GatewayAsync(bravo);
        var theirRule = await bravo.Client.CreateAsync("/v1/alarm-rules", new { name = "Down", kind = "gateway_down" });
        await rig.RuleAsync(new { name = "Down", kind = "gateway_down" });
        await StoreAsync(rig, Transition(rig, theirs, GatewayHealthStatus.Down, bravo.Id));

        await rig.EvaluateAsync();

        Assert.Empty(await rig.AlarmsAsync());
        var listed = (await (await bravo.Client.GetAsync("/v1/alarms", Ct)).ReadObjectAsync())["data"]!.AsArray();
        Assert.Equal((theirRule, theirs), (Str(Assert.Single(listed)!, "rule_id"), Str(listed[0]!, "subject_id")));
        using var scoped = await rig.Tenant.Client.PostJsonAsync("/v1/alarm-rules", new { name = "Theirs", kind = "gateway_down", routing_gateway_id = theirs });
        Assert.Equal(HttpStatusCode.BadRequest, scoped.StatusCode);
    }

    [Fact]
    public async Task A_gateway_down_rule_takes_no_account_and_routing_gateway_id_is_refused_for_other_kinds()
    {
        await using var rig = await AlarmRig.StartAsync();
        var gateway = await GatewayAsync(rig.Tenant);

        using var withAccount = await rig.Tenant.Client.PostJsonAsync("/v1/alarm-rules", new { name = "x", kind = "gateway_down", account_id = rig.Account });
        using var longCall = await rig.Tenant.Client.PostJsonAsync("/v1/alarm-rules", new { name = "y", kind = "long_call", threshold = 60, routing_gateway_id = gateway });

        Assert.Contains("account_id", (await withAccount.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("routing_gateway_id", (await longCall.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_gateway_carries_its_ping_interval_and_reads_unknown_health_without_a_switch_in_the_process()
    {
        await using var rig = await AlarmRig.StartAsync();
        var gateway = await GatewayAsync(rig.Tenant);
        using var tooFast = await rig.Tenant.Client.PostJsonAsync("/v1/routing-gateways", new { account_id = await VendorAsync(rig.Tenant), name = "fast", host = "192.0.2.11", options_ping_seconds = 0 });

        var read = await (await rig.Tenant.Client.GetAsync($"/v1/routing-gateways/{gateway}", Ct)).ReadObjectAsync();

        Assert.Equal((true, 30), (read["options_ping"]!.GetValue<bool>(), read["options_ping_seconds"]!.GetValue<int>()));
        Assert.Equal("unknown", Str(read["health"]!, "status"));
        Assert.Null(read["health"]!["since"]);
        Assert.Contains("options_ping_seconds", (await tooFast.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Old_health_events_are_purged_but_each_gateways_latest_is_kept()
    {
        await using var rig = await AlarmRig.StartAsync();
        var gateway = await GatewayAsync(rig.Tenant);
        var old = rig.Clock.GetUtcNow().AddDays(-GatewayHealthEvent.RetentionDays - 1);
        await StoreAsync(
            rig,
            new PeerHealthTransition(new PeerKey(rig.Tenant.Id, gateway), GatewayHealthStatus.Unknown, GatewayHealthStatus.Down, old, 3),
            new PeerHealthTransition(new PeerKey(rig.Tenant.Id, gateway), GatewayHealthStatus.Down, GatewayHealthStatus.Up, old.AddMinutes(1), 0));

        await rig.EvaluateAsync();

        Assert.Equal([GatewayHealthStatus.Up], await rig.InDatabaseAsync(db => db.GatewayHealthEvents.Select(e => e.Status).ToListAsync(Ct)));
    }

    private static async Task<string> VendorAsync(TestTenant tenant) =>
        await tenant.Client.CreateAsync("/v1/accounts", new { name = "Vendor", kind = "vendor", currency = "USD" });

    private static async Task<string> GatewayAsync(TestTenant tenant) =>
        await tenant.Client.CreateAsync("/v1/routing-gateways", new { account_id = await VendorAsync(tenant), name = "egress", host = "192.0.2.10", options_ping = true });

    private static PeerHealthTransition Transition(AlarmRig rig, string gateway, GatewayHealthStatus to, string? tenant = null) =>
        new(new PeerKey(tenant ?? rig.Tenant.Id, gateway), GatewayHealthStatus.Unknown, to, rig.Clock.GetUtcNow(), to == GatewayHealthStatus.Down ? 3 : 0);

    /// <summary>Stores transitions as the switch does: queued to the writer, stored at its stop.</summary>
    private static async Task StoreAsync(AlarmRig rig, params PeerHealthTransition[] transitions)
    {
        var writer = new GatewayHealthWriter(rig.App.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), rig.Clock, NullLogger<GatewayHealthWriter>.Instance);
        foreach (var transition in transitions)
        {
            writer.Record(transition);
        }

        await writer.StopAsync(Ct);
        Assert.Equal((transitions.Length, 0L), (writer.Stored, writer.Dropped));
    }

    private static string Str(System.Text.Json.Nodes.JsonNode node, string name) => node[name]!.GetValue<string>();
}

using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;

namespace Softswitch.Api.Tests.Alarms;

/// <summary>Issue 9 §8: each rule kind fires from stored data on the fake clock, once per window, and suppression holds across runs.</summary>
public sealed class AlarmEvaluationJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_longer_than_the_threshold_fires_once_however_often_the_job_runs()
    {
        await using var rig = await AlarmRig.StartAsync();
        var rule = await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 3600 });
        await rig.CallAsync(rig.Now.AddHours(-2), seconds: 3_599);
        var cdr = await rig.CallAsync(rig.Now.AddHours(-2), seconds: 7_200);

        var first = await rig.EvaluateAsync();
        var second = await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal((1, 0), (first, second));
        Assert.Equal(("long_call", rule, "account", rig.Account, cdr), (Str(alarm, "kind"), Str(alarm, "rule_id"), Str(alarm, "subject_type"), Str(alarm, "subject_id"), Str(alarm, "window_key")));
        Assert.Equal((7200m, 3600m, "open", "pending"), (alarm["observed"]!.GetValue<decimal>(), alarm["threshold"]!.GetValue<decimal>(), Str(alarm, "state"), Str(alarm, "email_status")));
        Assert.Equal(cdr, alarm["cdr_ids"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Within_the_suppression_window_a_second_firing_is_stored_suppressed_and_after_it_notifies_again()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 60, suppression_minutes = 30 });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        await rig.EvaluateAsync();
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        await rig.EvaluateAsync();
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        rig.Clock.Advance(TimeSpan.FromMinutes(20));
        await rig.EvaluateAsync();

        var alarms = await rig.AlarmsAsync();
        Assert.Equal(["open", "suppressed", "open"], alarms.Select(a => Str(a!, "state")));
        Assert.Equal(["pending", "suppressed", "pending"], alarms.Select(a => Str(a!, "email_status")));
    }

    [Fact]
    public async Task Suppress_all_stores_every_long_call_as_suppressed()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "Long calls, recorded only", kind = "long_call", threshold = 60, suppress_all = true });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);

        await rig.EvaluateAsync();

        Assert.Equal("suppressed", Str(Assert.Single(await rig.AlarmsAsync())!, "email_status"));
    }

    [Fact]
    public async Task Calls_outside_the_work_calendar_fire_and_calls_inside_do_not()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new
        {
            name = "Office hours", kind = "outside_working_hours", account_id = rig.Account,
            work_calendar = new { days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }, start = "09:00", end = "18:00", time_zone = "Europe/London" },
        });
        var saturdayNight = new DateTime(2026, 12, 5, 23, 30, 0, DateTimeKind.Utc);
        await rig.CallAsync(new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc));
        var outside = await rig.CallAsync(saturdayNight);

        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal(outside, Str(alarm!, "window_key"));
        Assert.Contains("Saturday 2026-12-05 23:30 Europe/London", Str(alarm!, "evidence"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_call_to_a_new_country_fires_once_the_account_has_history()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "New countries", kind = "new_country" });
        await rig.CallAsync(rig.Now.AddHours(-3), callee: "442071234567");
        await rig.EvaluateAsync();
        await rig.CallAsync(rig.Now.AddHours(-2), callee: "442079876543");
        var cuba = await rig.CallAsync(rig.Now.AddHours(-1), callee: "5372345678");
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal(("CU", cuba), (Str(alarm!, "window_key"), alarm["cdr_ids"]![0]!.GetValue<string>()));
        Assert.Equal(["CU", "GB"], await rig.InDatabaseAsync(db => db.AccountCountries.Select(c => c.Country).OrderBy(c => c).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Low_asr_of_a_gateway_fires_for_its_window_with_enough_calls()
    {
        await using var rig = await AlarmRig.StartAsync();
        var vendor = await rig.Tenant.Client.CreateAsync("/v1/accounts", new { name = "Vendor", kind = "vendor", currency = "USD" });
        var gateway = await rig.Tenant.Client.CreateAsync("/v1/routing-gateways", new { account_id = vendor, name = "egress", host = "192.0.2.10" });
        await rig.RuleAsync(new { name = "Vendor ASR", kind = "low_asr", threshold = 50, window_minutes = 15, minimum_calls = 4 });
        var (start, _) = AlarmWindows.LastComplete(rig.Now, 15);
        for (var i = 0; i < 4; i++)
        {
            await rig.CallAsync(start.AddMinutes(i), answered: i == 0, routingGateway: gateway);
        }

        await rig.EvaluateAsync();
        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal(("routing_gateway", gateway, AlarmWindows.Key(start), 25m), (Str(alarm!, "subject_type"), Str(alarm!, "subject_id"), Str(alarm!, "window_key"), alarm["observed"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Traffic_above_the_multiple_of_the_usual_hour_fires()
    {
        await using var rig = await AlarmRig.StartAsync();
        await rig.RuleAsync(new { name = "Spikes", kind = "traffic_spike", threshold = 3, minimum_calls = 5 });
        var (hour, _) = AlarmWindows.LastComplete(rig.Now, 60);
        await rig.InDatabaseAsync(async db =>
        {
            db.CdrRollups.Add(new CdrRollup { Dimension = RollupDimension.Account, Hour = hour.AddDays(-1), Key = rig.Account, Calls = 7 });
            return await db.SaveChangesAsync(Ct);
        });
        for (var i = 0; i < 6; i++)
        {
            await rig.CallAsync(hour.AddMinutes(i));
        }

        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal((6m, 3m), (alarm["observed"]!.GetValue<decimal>(), alarm["threshold"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_low_balance_fires_once_per_stay_below_and_resolves_when_topped_up()
    {
        await using var rig = await AlarmRig.StartAsync(balance: 5m);
        await rig.RuleAsync(new { name = "Balance", kind = "low_balance", threshold = 10 });
        await rig.EvaluateAsync();
        await rig.EvaluateAsync();
        (await rig.Tenant.Client.PostJsonAsync($"/v1/accounts/{rig.Account}/transactions", new { kind = "top_up", amount = 20m })).EnsureSuccessStatusCode();
        await rig.EvaluateAsync();

        var alarm = Assert.Single(await rig.AlarmsAsync())!;
        Assert.Equal((5m, 10m, "resolved", "alarm-evaluation"), (alarm["observed"]!.GetValue<decimal>(), alarm["threshold"]!.GetValue<decimal>(), Str(alarm!, "state"), Str(alarm!, "resolved_by")));
    }

    [Fact]
    public async Task A_burst_of_security_events_and_a_reconciliation_deviation_fire()
    {
        await using var rig = await AlarmRig.StartAsync();
        var burst = await rig.RuleAsync(new { name = "Auth failures", kind = "security_event_burst", security_event_rule = "auth-failure", threshold = 3, window_minutes = 5 });
        var deviation = await rig.RuleAsync(new { name = "Reconciliation", kind = "reconciliation_deviation" });
        var (start, _) = AlarmWindows.LastComplete(rig.Now, 5);
        await rig.InDatabaseAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                db.SecurityEvents.Add(new SecurityEvent { OccurredAt = start.AddSeconds(i), Rule = "auth-failure", Action = SecurityAction.Alert, Address = "203.0.113.9", TenantId = rig.Tenant.Id });
            }

            db.SecurityEvents.Add(new SecurityEvent { OccurredAt = rig.Now, Rule = "auth-failure", Action = SecurityAction.Alert, Address = "203.0.113.9", TenantId = "ten_other" });
            db.SecurityEvents.Add(new SecurityEvent
            {
                OccurredAt = rig.Now, Rule = "reconciliation-deviation", Action = SecurityAction.Alert, TenantId = rig.Tenant.Id, Count = 12, Threshold = 1, Evidence = "vendor charges 11.2",
            });
            return await db.SaveChangesAsync(Ct);
        });

        await rig.EvaluateAsync();
        await rig.EvaluateAsync();

        var alarms = await rig.AlarmsAsync();
        Assert.Equal(2, alarms.Count);
        var b = alarms.Single(a => Str(a!, "rule_id") == burst)!;
        var d = alarms.Single(a => Str(a!, "rule_id") == deviation)!;
        Assert.Equal((3m, "tenant", rig.Tenant.Id), (b["observed"]!.GetValue<decimal>(), Str(b, "subject_type"), Str(b, "subject_id")));
        Assert.Equal((12m, "vendor charges 11.2"), (d["observed"]!.GetValue<decimal>(), Str(d, "evidence")));
    }

    [Fact]
    public async Task An_unsuppressed_alarm_goes_into_the_webhook_outbox_as_alarm_fired()
    {
        await using var rig = await AlarmRig.StartAsync();
        (await rig.Tenant.Client.PostJsonAsync("/v1/webhook-endpoints", new { url = "https://203.0.113.50/hooks", event_types = new[] { "alarm.fired" } })).EnsureSuccessStatusCode();
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 60, suppression_minutes = 60 });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);

        await rig.EvaluateAsync();

        var events = await rig.InDatabaseAsync(db => db.WebhookEvents.Where(e => e.Type == "alarm.fired").ToListAsync(Ct));
        var fired = Assert.Single(events);
        Assert.Contains("\"kind\":\"long_call\"", fired.Payload, StringComparison.Ordinal);
        Assert.Contains(rig.Account, fired.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenants_rules_never_see_another_tenants_calls_balances_or_alarms()
    {
        await using var rig = await AlarmRig.StartAsync(balance: 1m);
        using var bravo = await rig.App.CreateTenantAsync("bravo");
        var theirAccount = await bravo.Client.CreateAsync("/v1/accounts", new { name = "Theirs", kind = "client", currency = "USD", balance = 1m });
        var theirRule = await bravo.Client.CreateAsync("/v1/alarm-rules", new { name = "Long calls", kind = "long_call", threshold = 60, suppression_minutes = 0 });
        await rig.RuleAsync(new { name = "Long calls", kind = "long_call", threshold = 60, suppression_minutes = 0 });
        await rig.RuleAsync(new { name = "Balance", kind = "low_balance", threshold = 10 });
        await rig.CallAsync(rig.Now.AddHours(-1), seconds: 600);
        await TenantFixtures.InsertCdrAsync(rig.App, bravo.Id, new Cdr
        {
            CallId = "theirs", AccountId = theirAccount, CallerReceived = "15550001", CalleeReceived = "442071234567", SetupAt = rig.Now.AddHours(-1),
            AnswerAt = rig.Now.AddHours(-1), EndAt = rig.Now, DurationMilliseconds = 3_600_000, FinalCode = 200, Q850Cause = 16, HangupSide = HangupSide.Caller,
        });

        await rig.EvaluateAsync();

        var ours = await rig.AlarmsAsync();
        Assert.Equal([rig.Account, rig.Account], ours.Select(a => Str(a!, "subject_id")));
        var theirs = (await (await bravo.Client.GetAsync("/v1/alarms", Ct)).ReadObjectAsync())["data"]!.AsArray();
        Assert.Equal(theirRule, Str(Assert.Single(theirs)!, "rule_id"));
        Assert.Equal(theirAccount, Str(theirs[0]!, "subject_id"));
    }

    private static string Str(System.Text.Json.Nodes.JsonNode node, string name) => node[name]!.GetValue<string>();
}

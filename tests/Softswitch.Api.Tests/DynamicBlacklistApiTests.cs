using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests;

/// <summary>
/// Issue 8 §4 through the API: fraud rules, the dynamic blacklist (add, explain, release with a grace period, reset
/// counters), the back-test over stored CDRs, the expiry job, and the wall between tenants.
/// </summary>
public sealed class DynamicBlacklistApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_is_created_replaced_and_deleted_and_impossible_levels_are_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var client = tenant.Client;

        var id = await client.CreateAsync("/v1/fraud-rules", new
        {
            name = "IRSF", kind = "callee_frequency", warning_level = 5, blocking_level = 10, window_seconds = 60, expire_seconds = 3600,
            monitor_only = true, response_code = 503,
        });
        var rule = await (await client.GetAsync($"/v1/fraud-rules/{id}", Ct)).ReadObjectAsync();
        Assert.Equal(("callee_frequency", "central", true, 503), (
            rule["kind"]!.GetValue<string>(), rule["scope"]!.GetValue<string>(), rule["monitor_only"]!.GetValue<bool>(), rule["response_code"]!.GetValue<int>()));

        using var replaced = await client.PutJsonAsync($"/v1/fraud-rules/{id}", new { name = "IRSF", kind = "callee_frequency", blocking_level = 20, window_seconds = 60 });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.False((await replaced.ReadObjectAsync())["monitor_only"]!.GetValue<bool>());

        using var bad = await client.PostJsonAsync("/v1/fraud-rules", new
        {
            name = "bad", kind = "caller_frequency", warning_level = 10, blocking_level = 10, scope = "standalone", response_code = 200,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
        Assert.All(["warning_level", "window_seconds", "mapping_gateway_ids", "response_code"], field => Assert.True(errors.ContainsKey(field), field));

        using var deleted = await client.DeleteAsync($"/v1/fraud-rules/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task A_number_added_by_hand_is_listed_explained_and_released_with_a_grace_period_and_every_step_is_an_event()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var client = tenant.Client;

        var id = await client.CreateAsync("/v1/dynamic-blacklist", new { subject = "callee", value = "88213000", expire_seconds = 600, note = "IRSF" });
        var listed = await (await client.GetAsync("/v1/dynamic-blacklist?value=88213000&active=true", Ct)).ReadObjectAsync();
        Assert.Equal(id, Assert.Single(listed["data"]!.AsArray())!["id"]!.GetValue<string>());

        using var released = await client.DeleteAsync($"/v1/dynamic-blacklist/{id}?whitelist_seconds=300", Ct);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        var entry = await (await client.GetAsync($"/v1/dynamic-blacklist/{id}", Ct)).ReadObjectAsync();
        Assert.False(entry["active"]!.GetValue<bool>());
        Assert.NotNull(entry["released_at"]);
        var active = await (await client.GetAsync("/v1/dynamic-blacklist?value=88213000&active=true", Ct)).ReadObjectAsync();
        Assert.Equal("allow", Assert.Single(active["data"]!.AsArray())!["kind"]!.GetValue<string>());

        using var reset = await client.PostJsonAsync("/v1/dynamic-blacklist/reset-counters", new { value = "88213000" });
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        var events = await (await client.GetAsync("/v1/dynamic-blacklist/events?value=88213000", Ct)).ReadObjectAsync();
        Assert.Equal(["added", "released", "counters_reset"], events["data"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_backtest_replays_stored_cdrs_and_answers_what_the_rule_would_have_blocked_and_when()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var client = tenant.Client;
        var start = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12; i++)
        {
            await TenantFixtures.InsertCdrAsync(app, tenant.Id, Cdr($"attack-{i}", "15550001", $"88213{i:000}", start.AddSeconds(i)));
        }

        await TenantFixtures.InsertCdrAsync(app, tenant.Id, Cdr("quiet", "15550002", "4420700001", start.AddSeconds(3)));
        var rule = await client.CreateAsync("/v1/fraud-rules", new
        {
            name = "callers", kind = "caller_frequency", blocking_level = 5, window_seconds = 60, expire_seconds = 600, monitor_only = true,
        });

        using var response = await client.PostJsonAsync($"/v1/fraud-rules/{rule}/backtest", new { from = start.AddMinutes(-1), to = start.AddMinutes(1) });
        var result = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((13, 7), (result["calls_replayed"]!.GetValue<int>(), result["calls_refused"]!.GetValue<int>()));
        Assert.Equal("attack-5", result["refused_call_ids"]![0]!.GetValue<string>());
        var block = Assert.Single(result["findings"]!.AsArray())!;
        Assert.Equal(("blocked", "15550001", 6), (block["kind"]!.GetValue<string>(), block["value"]!.GetValue<string>(), block["count"]!.GetValue<int>()));
        Assert.Equal(start.AddSeconds(5), block["at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Contains("attack-5", block["evidence_call_ids"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_tenants_rules_entries_and_cdrs_are_invisible_and_untouchable()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var rule = await alpha.Client.CreateAsync("/v1/fraud-rules", new { name = "r", kind = "caller_frequency", blocking_level = 1, window_seconds = 60 });
        var entry = await alpha.Client.CreateAsync("/v1/dynamic-blacklist", new { subject = "caller", value = "15550001", expire_seconds = 60 });
        var start = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc);
        await TenantFixtures.InsertCdrAsync(app, alpha.Id, Cdr("a1", "15550001", "44", start));
        await TenantFixtures.InsertCdrAsync(app, alpha.Id, Cdr("a2", "15550001", "44", start.AddSeconds(1)));
        var bravoRule = await bravo.Client.CreateAsync("/v1/fraud-rules", new { name = "r", kind = "caller_frequency", blocking_level = 1, window_seconds = 60 });

        Assert.Equal(HttpStatusCode.NotFound, (await bravo.Client.GetAsync($"/v1/fraud-rules/{rule}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bravo.Client.GetAsync($"/v1/dynamic-blacklist/{entry}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bravo.Client.DeleteAsync($"/v1/dynamic-blacklist/{entry}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bravo.Client.PostJsonAsync($"/v1/fraud-rules/{rule}/backtest", new { from = start, to = start.AddHours(1) })).StatusCode);
        Assert.Empty((await (await bravo.Client.GetAsync("/v1/dynamic-blacklist", Ct)).ReadObjectAsync())["data"]!.AsArray());
        Assert.Empty((await (await bravo.Client.GetAsync("/v1/dynamic-blacklist/events", Ct)).ReadObjectAsync())["data"]!.AsArray());
        var replay = await (await bravo.Client.PostJsonAsync($"/v1/fraud-rules/{bravoRule}/backtest", new { from = start, to = start.AddHours(1) })).ReadObjectAsync();
        Assert.Equal(0, replay["calls_replayed"]!.GetValue<int>());
        using var foreignGateway = await bravo.Client.PostJsonAsync("/v1/dynamic-blacklist", new { subject = "caller", value = "1", expire_seconds = 60, mapping_gateway_id = "mgw_x" });
        Assert.Equal(HttpStatusCode.BadRequest, foreignGateway.StatusCode);
        Assert.True((await (await alpha.Client.GetAsync($"/v1/dynamic-blacklist/{entry}", Ct)).ReadObjectAsync())["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_expiry_job_purges_expired_rows_records_their_expiry_once_and_leaves_live_ones()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var now = DateTime.UtcNow;
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using (var db = new SoftswitchDbContext(options, new FixedTenantContext(tenant.Id), TimeProvider.System))
        {
            db.DynamicBlacklistEntries.Add(Entry("15550001", now.AddMinutes(-10), now.AddMinutes(-1)));
            db.DynamicBlacklistEntries.Add(Entry("15550002", now, now.AddMinutes(10)));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, await RunExpiryAsync(app));
        Assert.Equal(0, await RunExpiryAsync(app));

        var events = await (await tenant.Client.GetAsync("/v1/dynamic-blacklist/events?kind=expired", Ct)).ReadObjectAsync();
        Assert.Equal("15550001", Assert.Single(events["data"]!.AsArray())!["value"]!.GetValue<string>());
        var left = await (await tenant.Client.GetAsync("/v1/dynamic-blacklist", Ct)).ReadObjectAsync();
        Assert.Equal("15550002", Assert.Single(left["data"]!.AsArray())!["value"]!.GetValue<string>());
    }

    private static async Task<int> RunExpiryAsync(TestApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await ActivatorUtilities.CreateInstance<DynamicBlacklistExpiryJob>(scope.ServiceProvider).RunAsync(Ct);
    }

    private static DynamicBlacklistEntry Entry(string value, DateTime blockedAt, DateTime expiresAt) => new()
    {
        Kind = BlacklistEntryKind.Block, Subject = BlacklistSubject.Caller, Value = value, RuleId = "frr_x", RuleKind = FraudRuleKind.CallerFrequency,
        Count = 11, Level = 10, WindowSeconds = 60, BlockedAt = blockedAt, ExpiresAt = expiresAt,
    };

    private static Cdr Cdr(string callId, string caller, string callee, DateTime setupAt) => new()
    {
        CallId = callId, AccountId = "acc_x", CallerReceived = caller, CalleeReceived = callee, SetupAt = setupAt, EndAt = setupAt.AddSeconds(30),
        FinalCode = 480, Q850Cause = 19, HangupSide = HangupSide.Callee,
    };
}

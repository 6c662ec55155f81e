using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>Issue 8 §6 through the API: refusal policies per tenant, and refused calls found by rule, number and gateway.</summary>
public sealed class RefusalApiTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_policy_is_set_read_and_cleared_and_another_tenant_neither_sees_nor_gets_it()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");

        var before = await (await tenantA.Client.GetAsync("/v1/refusal-policies", Ct)).ReadObjectAsync();
        using var put = await tenantA.Client.PutJsonAsync("/v1/refusal-policies/call-rate", new { mode = "monitor", status_code = 486, reason_text = "Slow down" });
        var read = await (await tenantA.Client.GetAsync("/v1/refusal-policies/call-rate", Ct)).ReadObjectAsync();
        var seenByB = await (await tenantB.Client.GetAsync("/v1/refusal-policies/call-rate", Ct)).ReadObjectAsync();

        Assert.Equal(RefusalRules.TenantRules.Order(StringComparer.Ordinal), before["data"]!.AsArray().Select(p => p!["rule"]!.GetValue<string>()));
        Assert.Contains("call-rate", RefusalRules.TenantRules);
        Assert.All(before["data"]!.AsArray(), p => Assert.Equal("enforce", p!["mode"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("monitor", 486, "Slow down", true), (read["mode"]!.GetValue<string>(), read["status_code"]!.GetValue<int>(), read["reason_text"]!.GetValue<string>(), read["customised"]!.GetValue<bool>()));
        Assert.Equal(("enforce", false), (seenByB["mode"]!.GetValue<string>(), seenByB["customised"]!.GetValue<bool>()));
        Assert.Empty(await StoredPoliciesAsync(app, tenantB.Id));
        Assert.Equal(RefusalMode.Monitor, Assert.Single(await StoredPoliciesAsync(app, tenantA.Id)).Mode);

        using var cleared = await tenantA.Client.DeleteAsync("/v1/refusal-policies/call-rate", Ct);
        var after = await (await tenantA.Client.GetAsync("/v1/refusal-policies/call-rate", Ct)).ReadObjectAsync();
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(("enforce", false), (after["mode"]!.GetValue<string>(), after["customised"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("""{"mode":"monitor","status_code":407}""", "status_code")]
    [InlineData("""{"mode":"enforce","status_code":302}""", "status_code")]
    [InlineData("""{"mode":"enforce","reason_text":"a\r\nVia: evil"}""", "reason_text")]
    [InlineData("""{"status_code":403}""", "mode")]
    public async Task An_impossible_policy_is_a_field_error(string body, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var content = new StringContent(body, new MediaTypeHeaderValue("application/json"));
        using var response = await tenant.Client.PutAsync("/v1/refusal-policies/account-capacity", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]?[field]);
    }

    [Fact]
    public async Task A_platform_rule_or_an_unknown_one_has_no_policy_and_a_stale_if_match_is_refused()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var platformRule = await tenant.Client.PutJsonAsync("/v1/refusal-policies/switch-capacity", new { mode = "monitor" });
        using var unknown = await tenant.Client.GetAsync("/v1/refusal-policies/nonsense", Ct);
        using var first = await tenant.Client.GetAsync("/v1/refusal-policies/call-rate", Ct);
        using var change = await tenant.Client.PutJsonAsync("/v1/refusal-policies/account-access-ip", new { mode = "monitor" });
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/v1/refusal-policies/call-rate")
        {
            Content = new StringContent("""{"mode":"monitor"}""", new MediaTypeHeaderValue("application/json")),
        };
        stale.Headers.IfMatch.Add(first.Headers.ETag!);
        using var refused = await tenant.Client.SendAsync(stale, Ct);

        Assert.Equal(HttpStatusCode.NotFound, platformRule.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
    }

    [Fact]
    public async Task Refused_calls_are_found_by_rule_number_and_gateway_and_only_by_their_tenant()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        using var platform = app.PlatformClient();
        var refusedCdr = await InsertCdrAsync(app, tenantA.Id, "call-rate", 503);
        await InsertCdrAsync(app, tenantA.Id, null, 200);
        await StoreAsync(app,
            Refusal(tenantA.Id, "call-rate", "15550001111", "442071234567", "mgw_a", refusedCdr),
            Refusal(tenantA.Id, "account-capacity", "15550002222", "33123456789", "mgw_b", "cdr_other"),
            Refusal(tenantB.Id, "call-rate", "15550001111", "442071234567", "mgw_c", "cdr_b"));

        var cdrs = await (await tenantA.Client.GetAsync("/v1/cdrs?refusal_rule=call-rate", Ct)).ReadObjectAsync();
        var byNumber = await (await tenantA.Client.GetAsync("/v1/security-events?action=refuse&number=442071234567", Ct)).ReadObjectAsync();
        var byGateway = await (await tenantA.Client.GetAsync("/v1/security-events?gateway=mgw_b", Ct)).ReadObjectAsync();

        var cdr = Assert.Single(cdrs["data"]!.AsArray())!;
        Assert.Equal((refusedCdr, "call-rate"), (cdr["id"]!.GetValue<string>(), cdr["refusal_rule"]!.GetValue<string>()));
        var found = Assert.Single(byNumber["data"]!.AsArray())!;
        Assert.Equal(("call-rate", refusedCdr, "mgw_a", "15550001111"), (found["rule"]!.GetValue<string>(), found["cdr_id"]!.GetValue<string>(), found["mapping_gateway_id"]!.GetValue<string>(), found["caller"]!.GetValue<string>()));
        Assert.Equal("account-capacity", Assert.Single(byGateway["data"]!.AsArray())!["rule"]!.GetValue<string>());
        Assert.Equal(2, (await (await platform.GetAsync("/v1/security-events?number=442071234567", Ct)).ReadObjectAsync())["data"]!.AsArray().Count);
        Assert.Empty((await (await tenantB.Client.GetAsync("/v1/security-events?gateway=mgw_a", Ct)).ReadObjectAsync())["data"]!.AsArray());
        Assert.Empty((await (await tenantB.Client.GetAsync("/v1/cdrs?refusal_rule=call-rate", Ct)).ReadObjectAsync())["data"]!.AsArray());
    }

    private static Task<string> InsertCdrAsync(TestApplication app, string tenantId, string? rule, int code) =>
        TenantFixtures.InsertCdrAsync(app, tenantId, new Cdr
        {
            CallId = Guid.NewGuid().ToString("n"),
            AccountId = "acc_a",
            MappingGatewayId = "mgw_a",
            CallerReceived = "15550001111",
            CalleeReceived = "442071234567",
            SetupAt = Noon,
            EndAt = Noon,
            FinalCode = code,
            HangupSide = HangupSide.Switch,
            RefusalRule = rule,
        });

    private static SecurityEvent Refusal(string tenantId, string rule, string caller, string callee, string gateway, string cdrId) => new()
    {
        OccurredAt = Noon, Rule = rule, Action = SecurityAction.Refuse, Address = "198.51.100.7", TenantId = tenantId, Count = 5, Threshold = 5,
        WindowSeconds = 1, Caller = caller, Callee = callee, MappingGatewayId = gateway, CdrId = cdrId,
    };

    private static async Task StoreAsync(TestApplication app, params SecurityEvent[] rows)
    {
        await using var db = Platform(app);
        db.AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<List<RefusalPolicy>> StoredPoliciesAsync(TestApplication app, string tenantId)
    {
        await using var db = Platform(app);
        return db.Tenants.Single(t => t.Id == tenantId).RefusalPolicies;
    }

    private static SoftswitchDbContext Platform(TestApplication app) =>
        new(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SoftswitchDbContext>>(), FixedTenantContext.None, TimeProvider.System);
}

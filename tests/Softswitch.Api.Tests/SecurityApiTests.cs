using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>
/// The anti-fraud signalling layer's API: bans listed, explained, lifted and exported by the platform admin; security
/// events, each tenant seeing only its own; and the tenants' trusted lists, walled off from one another.
/// </summary>
public sealed class SecurityApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ban_can_be_listed_explained_and_lifted_and_the_lift_is_recorded()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();
        var now = DateTime.UtcNow;
        await StoreAsync(app, Ban("203.0.113.9", "auth-failures", now, now.AddMinutes(5)), Event("203.0.113.9", "auth-failures", SecurityAction.Ban, now));
        await StoreAsync(app, Ban("203.0.113.10", "flood", now.AddHours(-2), now.AddHours(-1)));

        var list = await (await platform.GetAsync("/v1/ip-bans", Ct)).ReadObjectAsync();
        var ban = Assert.Single(list["data"]!.AsArray())!;
        Assert.Equal(("203.0.113.9", "auth-failures", 11, 10, 60, 1), (
            ban["address"]!.GetValue<string>(), ban["rule"]!.GetValue<string>(), ban["count"]!.GetValue<int>(),
            ban["threshold"]!.GetValue<int>(), ban["window_seconds"]!.GetValue<int>(), ban["offence"]!.GetValue<int>()));
        Assert.NotNull(ban["expires_at"]);

        var why = await (await platform.GetAsync("/v1/security-events?address=203.0.113.9", Ct)).ReadObjectAsync();
        Assert.Equal("REGISTER 1001@t.example.net", Assert.Single(why["data"]!.AsArray())!["evidence"]!.GetValue<string>());

        using var lifted = await platform.DeleteAsync("/v1/ip-bans/203.0.113.9", Ct);
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Empty((await (await platform.GetAsync("/v1/ip-bans", Ct)).ReadObjectAsync())["data"]!.AsArray());
        using var again = await platform.DeleteAsync("/v1/ip-bans/203.0.113.9", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var lift = await (await platform.GetAsync("/v1/security-events?address=203.0.113.9&action=lift", Ct)).ReadObjectAsync();
        Assert.Equal("auth-failures", Assert.Single(lift["data"]!.AsArray())!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bans_are_for_the_platform_admin_only()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");

        using var list = await tenant.Client.GetAsync("/v1/ip-bans", Ct);
        using var lift = await tenant.Client.DeleteAsync("/v1/ip-bans/203.0.113.9", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lift.StatusCode);
    }

    [Fact]
    public async Task A_lift_of_something_that_is_not_an_address_is_a_validation_problem()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();

        using var response = await platform.DeleteAsync("/v1/ip-bans/not-an-ip", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["ip"]);
    }

    [Fact]
    public async Task Bans_export_as_nftables_and_ipset_scripts_with_their_remaining_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: clock);
        using var platform = app.PlatformClient();
        var now = clock.GetUtcNow().UtcDateTime;
        await StoreAsync(app, Ban("203.0.113.9", "flood", now, now.AddSeconds(300)), Ban("2001:db8::7", "scanner", now, now.AddSeconds(600)));
        clock.Advance(TimeSpan.FromSeconds(1));

        var nft = await platform.GetStringAsync("/v1/ip-bans/export?format=nftables", Ct);
        var ipset = await platform.GetStringAsync("/v1/ip-bans/export?format=ipset", Ct);
        using var unknown = await platform.GetAsync("/v1/ip-bans/export?format=pf", Ct);

        Assert.Contains("add set inet softswitch banned_v4 { type ipv4_addr; flags timeout; }", nft, StringComparison.Ordinal);
        Assert.Matches(@"add element inet softswitch banned_v4 \{ 203\.0\.113\.9 timeout 299s \}", nft);
        Assert.Matches(@"add element inet softswitch banned_v6 \{ 2001:db8::7 timeout 599s \}", nft);
        Assert.Contains("create softswitch-banned-v4 hash:ip family inet timeout 0 -exist", ipset, StringComparison.Ordinal);
        Assert.Matches(@"add softswitch-banned-v6 2001:db8::7 timeout 599 -exist", ipset);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Security_events_filter_by_rule_and_time_and_a_tenant_sees_only_its_own()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        using var platform = app.PlatformClient();
        var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        await StoreAsync(app,
            Event("203.0.113.1", "flood", SecurityAction.Ban, at),
            Event("203.0.113.2", "phone-auth-failures", SecurityAction.Suspend, at.AddMinutes(1), tenantA.Id),
            Event("203.0.113.3", "flood", SecurityAction.Alert, at.AddMinutes(2), tenantB.Id));

        Assert.Equal(3, await CountAsync(platform, "/v1/security-events"));
        Assert.Equal(2, await CountAsync(platform, "/v1/security-events?rule=flood"));
        Assert.Equal(1, await CountAsync(platform, "/v1/security-events?from=2026-12-01T10:00:30Z&to=2026-12-01T10:01:30Z"));
        var seenByA = await (await tenantA.Client.GetAsync("/v1/security-events", Ct)).ReadObjectAsync();
        Assert.Equal("203.0.113.2", Assert.Single(seenByA["data"]!.AsArray())!["address"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(tenantB.Client, "/v1/security-events?rule=phone-auth-failures"));
    }

    [Fact]
    public async Task A_tenant_keeps_its_trusted_list_and_cannot_see_or_change_another_tenants()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var id = await tenantA.Client.CreateAsync("/v1/trusted-addresses", new { block = "198.51.100.0/24", description = "PBX" });

        using var duplicate = await tenantA.Client.PostJsonAsync("/v1/trusted-addresses", new { block = "198.51.100.0/24" });
        using var tooWide = await tenantA.Client.PostJsonAsync("/v1/trusted-addresses", new { block = "10.0.0.0/8" });
        using var invalid = await tenantA.Client.PostJsonAsync("/v1/trusted-addresses", new { block = "not-a-block" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooWide.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        Assert.Equal(0, await CountAsync(tenantB.Client, "/v1/trusted-addresses"));
        using var peek = await tenantB.Client.GetAsync($"/v1/trusted-addresses/{id}", Ct);
        using var remove = await tenantB.Client.DeleteAsync($"/v1/trusted-addresses/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(1, await CountAsync(tenantA.Client, "/v1/trusted-addresses"));

        // The same block may be on another tenant's list: each list is the tenant's own.
        Assert.NotEmpty(await tenantB.Client.CreateAsync("/v1/trusted-addresses", new { block = "198.51.100.0/24" }));
    }

    [Fact]
    public async Task A_suspended_phone_is_reactivated_by_its_own_tenant_only()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, tenantA);
        await SuspendAsync(app, a.PhoneId);
        var reactivate = new { account_id = a.ClientAccountId, username = "1001", status = "active" };

        using var intruder = await tenantB.Client.PutJsonAsync($"/v1/phones/{a.PhoneId}", reactivate);
        Assert.Equal(HttpStatusCode.NotFound, intruder.StatusCode);
        Assert.Equal("suspended", (await (await tenantA.Client.GetAsync($"/v1/phones/{a.PhoneId}", Ct)).ReadObjectAsync())["status"]!.GetValue<string>());

        using var owner = await tenantA.Client.PutJsonAsync($"/v1/phones/{a.PhoneId}", reactivate);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal("active", (await owner.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    private static IpBan Ban(string address, string rule, DateTime at, DateTime until) => new()
    {
        Address = address, Rule = rule, Evidence = "REGISTER 1001@t.example.net", Count = 11, Threshold = 10, WindowSeconds = 60,
        Offence = 1, BannedAt = at, ExpiresAt = until,
    };

    private static SecurityEvent Event(string address, string rule, SecurityAction action, DateTime at, string? tenantId = null) => new()
    {
        OccurredAt = at, Rule = rule, Action = action, Address = address, TenantId = tenantId, Count = 11, Threshold = 10,
        WindowSeconds = 60, Evidence = "REGISTER 1001@t.example.net",
    };

    /// <summary>Stores rows the way the switch's event writer does: a platform context.</summary>
    private static async Task StoreAsync(TestApplication app, params Entity[] rows)
    {
        await using var db = Platform(app);
        db.AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task SuspendAsync(TestApplication app, string phoneId)
    {
        await using var db = Platform(app);
        var phone = await db.Phones.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).SingleAsync(p => p.Id == phoneId, Ct);
        phone.Status = PhoneStatus.Suspended;
        await db.SaveChangesAsync(Ct);
    }

    private static SoftswitchDbContext Platform(TestApplication app) =>
        new(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SoftswitchDbContext>>(), FixedTenantContext.None, TimeProvider.System);

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["data"]!.AsArray().Count;
    }
}

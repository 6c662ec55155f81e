using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Auth;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;

namespace Softswitch.Api.Tests;

/// <summary>
/// Verified keys are held for <see cref="VerifiedKeyCache.Lifetime"/>: a change through this process takes effect at
/// once, a change made elsewhere within the lifetime, and one tenant's change never touches another's keys.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_key_in_use_revoked_through_the_api_stops_at_once()
    {
        await using var app = new TestApplication(time: _clock);
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        using var before = await tenant.Client.GetAsync("/v1/accounts");

        using var revoke = await platform.DeleteAsync($"/v1/tenants/{tenant.Id}/api-keys/{await KeyIdAsync(platform, tenant.Id)}");
        using var after = await tenant.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_key_in_use_stops_at_once_when_its_tenant_is_suspended()
    {
        await using var app = new TestApplication(time: _clock);
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        using var before = await tenant.Client.GetAsync("/v1/accounts");

        using var suspend = await SuspendAsync(platform, tenant.Id);
        using var after = await tenant.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_stops_within_the_lifetime()
    {
        await using var app = new TestApplication(time: _clock);
        using var tenant = await app.CreateTenantAsync("t");
        using var before = await tenant.Client.GetAsync("/v1/accounts");

        await RevokeElsewhereAsync(app, tenant.Id);
        using var held = await tenant.Client.GetAsync("/v1/accounts");
        _clock.Advance(VerifiedKeyCache.Lifetime);
        using var after = await tenant.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_held_key_stops_at_its_expiry_without_waiting_for_the_lifetime()
    {
        await using var app = new TestApplication(time: _clock);
        using var platform = app.PlatformClient();
        using var tenant = await app.CreateTenantAsync("t");
        var expiresAt = _clock.GetUtcNow().UtcDateTime.AddSeconds(2);
        var created = await platform.PostAsJsonAsync(
            $"/v1/tenants/{tenant.Id}/api-keys", new { name = "short", scopes = new[] { "read" }, expires_at = expiresAt });
        var key = (await created.ReadObjectAsync())["key"]!.GetValue<string>();
        using var client = app.ClientWithKey(key);
        using var before = await client.GetAsync("/v1/accounts");

        _clock.Advance(TimeSpan.FromSeconds(2));
        using var after = await client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Revoking_or_suspending_one_tenant_leaves_the_other_tenants_held_key_as_it_was()
    {
        await using var app = new TestApplication(time: _clock);
        using var alpha = await app.CreateTenantAsync("alpha");
        using var beta = await app.CreateTenantAsync("beta");
        using var platform = app.PlatformClient();
        using var betaCreates = await beta.Client.PostAsync("/v1/accounts", ApiJson.Body(new { name = "Beta only", kind = "client", currency = "USD" }));
        using var alphaBefore = await alpha.Client.GetAsync("/v1/accounts");

        // Beta's key is revoked behind the API's back: only its held verification keeps it working now. Alpha's
        // revocation and suspension through the API must not drop beta's entry, nor lend alpha beta's caller.
        await RevokeElsewhereAsync(app, beta.Id);
        using var revokeAlpha = await platform.DeleteAsync($"/v1/tenants/{alpha.Id}/api-keys/{await KeyIdAsync(platform, alpha.Id)}");
        using var suspendAlpha = await SuspendAsync(platform, alpha.Id);
        using var alphaAfter = await alpha.Client.GetAsync("/v1/accounts");
        using var betaAfter = await beta.Client.GetAsync("/v1/accounts");
        var betaList = await betaAfter.ReadObjectAsync();
        _clock.Advance(VerifiedKeyCache.Lifetime);
        using var betaLater = await beta.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.Created, betaCreates.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alphaBefore.StatusCode);
        Assert.Empty((await alphaBefore.ReadObjectAsync())["data"]!.AsArray());
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK), (revokeAlpha.StatusCode, suspendAlpha.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, alphaAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, betaAfter.StatusCode);
        Assert.Equal("Beta only", betaList["data"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, betaLater.StatusCode);
    }

    private static async Task<string> KeyIdAsync(HttpClient platform, string tenantId)
    {
        var keys = await (await platform.GetAsync($"/v1/tenants/{tenantId}/api-keys")).ReadObjectAsync();
        return keys["data"]![0]!["id"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> SuspendAsync(HttpClient platform, string tenantId)
    {
        var tenant = await (await platform.GetAsync($"/v1/tenants/{tenantId}")).ReadObjectAsync();
        return await platform.PutAsync($"/v1/tenants/{tenantId}", ApiJson.Body(new
        {
            name = tenant["name"]!.GetValue<string>(),
            sip_domain = tenant["sip_domain"]!.GetValue<string>(),
            default_currency = "USD",
            status = "suspended",
        }));
    }

    /// <summary>What another API process, or SQL by hand, does: the row changes and this process is not told.</summary>
    private async Task RevokeElsewhereAsync(TestApplication app, string tenantId)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, _clock);
        var revokedAt = _clock.GetUtcNow().UtcDateTime;
        await db.ApiKeys.IgnoreQueryFilters().Where(k => k.TenantId == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, revokedAt), TestContext.Current.CancellationToken);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Missing_or_unknown_key_is_401_problem()
    {
        await using var app = new TestApplication();
        using var anonymous = app.CreateClient();
        using var unknown = app.ClientWithKey("ssk_live_nothere1.secret");

        using var noKey = await anonymous.GetAsync("/v1/accounts");
        using var badKey = await unknown.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
    }

    [Fact]
    public async Task Read_scope_cannot_write()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t", "read");

        using var list = await tenant.Client.GetAsync("/v1/accounts");
        using var create = await tenant.Client.PostAsync("/v1/accounts", ApiJson.Body(new { name = "x", kind = "client", currency = "USD" }));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Revoked_key_stops_working_at_once()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        var keys = await (await platform.GetAsync($"/v1/tenants/{tenant.Id}/api-keys")).ReadObjectAsync();
        var keyId = keys["data"]![0]!["id"]!.GetValue<string>();

        using var revoke = await platform.DeleteAsync($"/v1/tenants/{tenant.Id}/api-keys/{keyId}");
        using var after = await tenant.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Keys_are_shown_once_and_listed_by_prefix_only()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        var listed = await tenant.Client.GetStringAsync($"/v1/tenants/{tenant.Id}/api-keys");

        Assert.DoesNotContain(tenant.Key, listed, StringComparison.Ordinal);
        Assert.Contains(tenant.Key.Split('.')[0], listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_key_cannot_manage_tenants()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var create = await tenant.Client.PostAsync("/v1/tenants", ApiJson.Body(new { name = "x", sip_domain = "x.example.net", default_currency = "USD" }));
        using var own = await tenant.Client.GetAsync($"/v1/tenants/{tenant.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Platform_key_acts_on_a_tenant_only_when_it_names_one()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        using var actingAs = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: tenant.Id);
        using var actingAsNobody = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: "ten_doesnotexist");

        using var withoutTenant = await platform.GetAsync("/v1/accounts");
        var created = await actingAs.CreateAsync("/v1/accounts", new { name = "by admin", kind = "client", currency = "USD" });
        using var seenByTenant = await tenant.Client.GetAsync($"/v1/accounts/{created}");
        using var unknownTenant = await actingAsNobody.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.BadRequest, withoutTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, seenByTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTenant.StatusCode);
    }

    [Fact]
    public async Task Suspended_tenant_keys_are_refused()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var platform = app.PlatformClient();
        var current = await (await platform.GetAsync($"/v1/tenants/{tenant.Id}")).ReadObjectAsync();

        using var suspend = await platform.PutAsync($"/v1/tenants/{tenant.Id}", ApiJson.Body(new
        {
            name = current["name"]!.GetValue<string>(), sip_domain = current["sip_domain"]!.GetValue<string>(),
            status = "suspended", default_currency = "USD",
        }));
        using var after = await tenant.Client.GetAsync("/v1/accounts");

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_the_platform_admin_only()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var anonymous = app.CreateClient();
        using var platformBasic = app.CreateClient();
        platformBasic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + TestApplication.PlatformKey)));

        using var noAuth = await anonymous.GetAsync("/hangfire");
        using var asTenant = await tenant.Client.GetAsync("/hangfire");
        using var asPlatform = await platformBasic.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);
        Assert.Contains("Basic", noAuth.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asPlatform.StatusCode);
    }
}

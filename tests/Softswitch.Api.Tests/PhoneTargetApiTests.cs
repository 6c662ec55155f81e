using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>A phone's number plan entry and offline redirect gateway through <c>/v1/phones</c>, and the tenant wall around them.</summary>
public sealed class PhoneTargetApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_phone_keeps_its_number_and_offline_redirect_gateway()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        var phone = await tenant.Client.CreateAsync("/v1/phones", new
        {
            account_id = own.ClientAccountId, username = "2001", password = "s3cret-pass", number = "+442071230001",
            offline_redirect_gateway_id = own.RoutingGatewayId,
        });

        var stored = await (await tenant.Client.GetAsync($"/v1/phones/{phone}", Ct)).ReadObjectAsync();
        Assert.Equal("+442071230001", stored["number"]!.GetValue<string>());
        Assert.Equal(own.RoutingGatewayId, stored["offline_redirect_gateway_id"]!.GetValue<string>());

        using var cleared = await tenant.Client.PutJsonAsync($"/v1/phones/{phone}", new { account_id = own.ClientAccountId, username = "2001" });
        var after = await cleared.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(after["number"]);
        Assert.Null(after["offline_redirect_gateway_id"]);
    }

    [Fact]
    public async Task A_number_rings_one_phone_per_tenant_and_must_be_digits()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        await tenant.Client.CreateAsync("/v1/phones", new { account_id = own.ClientAccountId, username = "2001", password = "s3cret-pass", number = "2001" });

        using var taken = await tenant.Client.PostJsonAsync("/v1/phones", new { account_id = own.ClientAccountId, username = "2002", password = "s3cret-pass", number = "2001" });
        using var letters = await tenant.Client.PostJsonAsync("/v1/phones", new { account_id = own.ClientAccountId, username = "2003", password = "s3cret-pass", number = "20x3" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.NotNull((await letters.ReadObjectAsync())["errors"]!["number"]);
    }

    [Fact]
    public async Task Tenants_are_walls_for_numbers_and_redirect_gateways()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var beta = await app.CreateTenantAsync("beta");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, beta);
        await alpha.Client.CreateAsync("/v1/phones", new { account_id = a.ClientAccountId, username = "2001", password = "s3cret-pass", number = "2001" });

        // The same number in another tenant is that tenant's own; another tenant's gateway reads as unknown.
        await beta.Client.CreateAsync("/v1/phones", new { account_id = b.ClientAccountId, username = "2001", password = "s3cret-pass", number = "2001" });
        using var foreign = await beta.Client.PostJsonAsync("/v1/phones", new
        {
            account_id = b.ClientAccountId, username = "2002", password = "s3cret-pass", offline_redirect_gateway_id = a.RoutingGatewayId,
        });

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.NotNull((await foreign.ReadObjectAsync())["errors"]!["offline_redirect_gateway_id"]);
    }

    [Fact]
    public async Task A_redirect_gateway_in_use_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var spare = await tenant.Client.CreateAsync("/v1/routing-gateways", new { account_id = own.VendorAccountId, name = "voicemail", host = "192.0.2.20" });
        await tenant.Client.CreateAsync("/v1/phones", new
        {
            account_id = own.ClientAccountId, username = "2001", password = "s3cret-pass", offline_redirect_gateway_id = spare,
        });

        using var deleted = await tenant.Client.DeleteAsync($"/v1/routing-gateways/{spare}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
    }
}

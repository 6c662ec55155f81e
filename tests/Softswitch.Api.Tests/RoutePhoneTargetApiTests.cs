using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>
/// Routes that target a phone, a phone's fork mode and line count through <c>/v1/routes</c> and <c>/v1/phones</c>,
/// and the tenant wall around them.
/// </summary>
public sealed class RoutePhoneTargetApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_route_can_target_one_of_the_tenant_s_phones()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        var route = await tenant.Client.CreateAsync("/v1/routes", new { name = "Reception", prefix = "7000", phone_id = own.PhoneId });

        var stored = await (await tenant.Client.GetAsync($"/v1/routes/{route}", Ct)).ReadObjectAsync();
        Assert.Equal(own.PhoneId, stored["phone_id"]!.GetValue<string>());
        Assert.Empty(stored["routing_gateway_ids"]!.AsArray());
    }

    [Fact]
    public async Task A_route_targets_gateways_or_a_phone_never_both_nor_neither()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        using var both = await tenant.Client.PostJsonAsync("/v1/routes", new
        {
            name = "Both", prefix = "7001", phone_id = own.PhoneId, routing_gateway_ids = new[] { own.RoutingGatewayId },
        });
        using var neither = await tenant.Client.PostJsonAsync("/v1/routes", new { name = "Neither", prefix = "7002" });
        using var unknown = await tenant.Client.PostJsonAsync("/v1/routes", new { name = "Unknown", prefix = "7003", phone_id = "ph_missing" });

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.NotNull((await both.ReadObjectAsync())["errors"]!["phone_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.NotNull((await neither.ReadObjectAsync())["errors"]!["routing_gateway_ids"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.ReadObjectAsync())["errors"]!["phone_id"]);
    }

    [Fact]
    public async Task Another_tenant_s_phone_is_an_unknown_phone_and_no_link_is_made()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var beta = await app.CreateTenantAsync("beta");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, beta);

        using var created = await beta.Client.PostJsonAsync("/v1/routes", new { name = "Theirs", prefix = "7000", phone_id = a.PhoneId });
        using var replaced = await beta.Client.PutJsonAsync($"/v1/routes/{b.RouteId}", new { name = "Theirs", prefix = "", phone_id = a.PhoneId });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("no phone", (await created.ReadObjectAsync())["errors"]!["phone_id"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
        Assert.NotNull((await replaced.ReadObjectAsync())["errors"]!["phone_id"]);
        var theirs = await (await beta.Client.GetAsync($"/v1/routes/{b.RouteId}", Ct)).ReadObjectAsync();
        Assert.Null(theirs["phone_id"]);
    }

    [Fact]
    public async Task A_phone_a_route_targets_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var route = await tenant.Client.CreateAsync("/v1/routes", new { name = "Reception", prefix = "7000", phone_id = own.PhoneId });

        using var refused = await tenant.Client.DeleteAsync($"/v1/phones/{own.PhoneId}", Ct);
        using var routeGone = await tenant.Client.DeleteAsync($"/v1/routes/{route}", Ct);
        using var deleted = await tenant.Client.DeleteAsync($"/v1/phones/{own.PhoneId}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, routeGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_s_route_does_not_keep_a_phone_from_being_deleted()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var beta = await app.CreateTenantAsync("beta");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, beta);
        await beta.Client.CreateAsync("/v1/routes", new { name = "Reception", prefix = "7000", phone_id = b.PhoneId });

        using var foreign = await beta.Client.DeleteAsync($"/v1/phones/{a.PhoneId}", Ct);
        using var own = await alpha.Client.DeleteAsync($"/v1/phones/{a.PhoneId}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    [Fact]
    public async Task A_phone_keeps_its_fork_mode_and_line_count()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);

        var phone = await tenant.Client.CreateAsync("/v1/phones", new
        {
            account_id = own.ClientAccountId, username = "2001", password = "s3cret-pass", fork_mode = "parallel", max_incoming_calls = 2,
        });
        var stored = await (await tenant.Client.GetAsync($"/v1/phones/{phone}", Ct)).ReadObjectAsync();
        using var defaults = await tenant.Client.PutJsonAsync($"/v1/phones/{phone}", new { account_id = own.ClientAccountId, username = "2001" });
        var after = await defaults.ReadObjectAsync();
        using var zero = await tenant.Client.PostJsonAsync("/v1/phones", new
        {
            account_id = own.ClientAccountId, username = "2002", password = "s3cret-pass", max_incoming_calls = 0,
        });
        using var unknownMode = await tenant.Client.PostJsonAsync("/v1/phones", new
        {
            account_id = own.ClientAccountId, username = "2003", password = "s3cret-pass", fork_mode = "broadcast",
        });

        Assert.Equal("parallel", stored["fork_mode"]!.GetValue<string>());
        Assert.Equal(2, stored["max_incoming_calls"]!.GetValue<int>());
        Assert.Equal("sequential", after["fork_mode"]!.GetValue<string>());
        Assert.Null(after["max_incoming_calls"]);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.NotNull((await zero.ReadObjectAsync())["errors"]!["max_incoming_calls"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMode.StatusCode);
    }
}

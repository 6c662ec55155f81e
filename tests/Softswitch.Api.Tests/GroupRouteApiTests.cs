using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>Issue 8 §3: routes that match callees by a number group (<c>callee_group_id</c>), and the tenant wall around them.</summary>
public sealed class GroupRouteApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_route_names_one_of_the_tenant_s_groups_and_the_prefix_is_unique_per_group()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var premium = await tenant.Client.CreateAsync("/v1/number-groups", new { name = "Premium", prefixes = new[] { "4490", "4487" } });
        var mobile = await tenant.Client.CreateAsync("/v1/number-groups", new { name = "Mobile", prefixes = new[] { "447" } });

        var route = await tenant.Client.CreateAsync("/v1/routes", new { name = "Premium", prefix = "", callee_group_id = premium, routing_gateway_ids = new[] { own.RoutingGatewayId } });
        await tenant.Client.CreateAsync("/v1/routes", new { name = "Mobile", prefix = "", callee_group_id = mobile, routing_gateway_ids = new[] { own.RoutingGatewayId } });
        using var twice = await tenant.Client.PostJsonAsync("/v1/routes", new { name = "Again", prefix = "", callee_group_id = premium, routing_gateway_ids = new[] { own.RoutingGatewayId } });

        var stored = await (await tenant.Client.GetAsync($"/v1/routes/{route}", Ct)).ReadObjectAsync();
        Assert.Equal(premium, stored["callee_group_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var filtered = await (await tenant.Client.GetAsync($"/v1/routes?callee_group_id={premium}", Ct)).ReadObjectAsync();
        Assert.Equal(route, Assert.Single(filtered["data"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_tenant_s_group_is_an_unknown_group_and_no_link_is_made()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var beta = await app.CreateTenantAsync("beta");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, beta);

        using var created = await beta.Client.PostJsonAsync("/v1/routes", new
        {
            name = "Theirs", prefix = "9", callee_group_id = a.NumberGroupId, routing_gateway_ids = new[] { b.RoutingGatewayId },
        });
        using var replaced = await beta.Client.PutJsonAsync($"/v1/routes/{b.RouteId}", new
        {
            name = "Theirs", prefix = "", callee_group_id = a.NumberGroupId, routing_gateway_ids = new[] { b.RoutingGatewayId },
        });
        using var missing = await alpha.Client.PostJsonAsync("/v1/routes", new
        {
            name = "Missing", prefix = "", callee_group_id = "ngr_missing", routing_gateway_ids = new[] { a.RoutingGatewayId },
        });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("no number group", (await created.ReadObjectAsync())["errors"]!["callee_group_id"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
        Assert.NotNull((await replaced.ReadObjectAsync())["errors"]!["callee_group_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var theirs = await (await beta.Client.GetAsync($"/v1/routes/{b.RouteId}", Ct)).ReadObjectAsync();
        Assert.Null(theirs["callee_group_id"]);
    }

    [Fact]
    public async Task A_group_a_route_uses_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var group = await tenant.Client.CreateAsync("/v1/number-groups", new { name = "Routed", prefixes = new[] { "4490" } });
        var route = await tenant.Client.CreateAsync("/v1/routes", new { name = "Premium", prefix = "", callee_group_id = group, routing_gateway_ids = new[] { own.RoutingGatewayId } });

        using var refused = await tenant.Client.DeleteAsync($"/v1/number-groups/{group}", Ct);
        using var routeGone = await tenant.Client.DeleteAsync($"/v1/routes/{route}", Ct);
        using var deleted = await tenant.Client.DeleteAsync($"/v1/number-groups/{group}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"route {route}", (await refused.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, routeGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}

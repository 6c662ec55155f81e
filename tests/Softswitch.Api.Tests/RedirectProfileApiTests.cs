using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Media.Redirect;
using Softswitch.Switch.Redirect;

namespace Softswitch.Api.Tests;

/// <summary>
/// <c>/v1/redirect-profiles</c>: the 3xx redirect client's settings through the API, their checks (the SSRF guard on
/// routing servers included), one per tenant and per trunk, the tenant wall, and the switch's view through
/// <see cref="RedirectProfilesRefresher"/>.
/// </summary>
public sealed class RedirectProfileApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_profile_is_created_read_replaced_and_deleted_with_its_defaults()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");

        var id = await tenant.Client.CreateAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:203.0.113.60:5070" } } });
        var created = await Read(tenant.Client, id);
        Assert.Null(created["mapping_gateway_id"]);
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.Equal(1500, created["servers"]![0]!["timeout_milliseconds"]!.GetValue<int>());
        Assert.Equal(3000, created["deadline_milliseconds"]!.GetValue<int>());
        Assert.Equal("own_routes", created["on_failure"]!.GetValue<string>());
        Assert.Equal(["Identity", "P-Asserted-Identity"], created["carry_headers"]!.AsArray().Select(h => h!.GetValue<string>()));

        using (var put = await tenant.Client.PutJsonAsync($"/v1/redirect-profiles/{id}", new
        {
            servers = new object[] { new { uri = "sip:203.0.113.60:5070", timeout_milliseconds = 800 }, new { uri = "https://203.0.113.61/route" } },
            deadline_milliseconds = 2000, on_failure = "refuse", deny_hosts = new[] { "203.0.113.9:5060" }, accept_prefixes = new[] { "44" },
            carry_headers = new[] { "X-Route-Tag" }, enabled = false,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var replaced = await Read(tenant.Client, id);
        Assert.Equal(2, replaced["servers"]!.AsArray().Count);
        Assert.Equal(("refuse", false, 2000), (replaced["on_failure"]!.GetValue<string>(), replaced["enabled"]!.GetValue<bool>(), replaced["deadline_milliseconds"]!.GetValue<int>()));
        using var deleted = await tenant.Client.DeleteAsync($"/v1/redirect-profiles/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await tenant.Client.GetAsync($"/v1/redirect-profiles/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("{}", "servers")]
    [InlineData("{\"servers\":[]}", "servers")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"},{\"uri\":\"sip:203.0.113.60\"},{\"uri\":\"sip:203.0.113.60\"},{\"uri\":\"sip:203.0.113.60\"},{\"uri\":\"sip:203.0.113.60\"}]}", "servers")]
    [InlineData("{\"servers\":[{\"uri\":\"ftp://203.0.113.60\"}]}", "servers[0].uri")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:127.0.0.1:5070\"}]}", "servers[0].uri")]
    [InlineData("{\"servers\":[{\"uri\":\"http://169.254.169.254/latest\"}]}", "servers[0].uri")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\",\"timeout_milliseconds\":20000}]}", "servers[0].timeout_milliseconds")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"}],\"deadline_milliseconds\":0}", "deadline_milliseconds")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"}],\"carry_headers\":[\"Via\"]}", "carry_headers")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"}],\"accept_prefixes\":[\"44a\"]}", "accept_prefixes")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"}],\"deny_hosts\":[\"a b\"]}", "deny_hosts")]
    [InlineData("{\"servers\":[{\"uri\":\"sip:203.0.113.60\"}],\"mapping_gateway_id\":\"mgw_missing\"}", "mapping_gateway_id")]
    public async Task A_bad_profile_is_a_field_error(string body, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");

        using var response = await tenant.Client.PostAsync("/v1/redirect-profiles", ApiJson.Raw(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Private_routing_servers_are_allowed_only_when_the_platform_says_so()
    {
        await using var app = new TestApplication(new Dictionary<string, string?> { ["Softswitch:Redirect:AllowPrivateTargets"] = "true" });
        using var tenant = await app.CreateTenantAsync("alpha");

        await tenant.Client.CreateAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:127.0.0.1:5070" } } });
    }

    [Fact]
    public async Task The_tenant_and_each_trunk_have_one_profile_at_most()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var trunk = await TrunkAsync(tenant.Client);
        await tenant.Client.CreateAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:203.0.113.60" } } });
        await tenant.Client.CreateAsync("/v1/redirect-profiles", new { mapping_gateway_id = trunk, servers = new[] { new { uri = "sip:203.0.113.61" } } });

        using var again = await tenant.Client.PostJsonAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:203.0.113.62" } } });
        using var trunkAgain = await tenant.Client.PostJsonAsync("/v1/redirect-profiles", new { mapping_gateway_id = trunk, servers = new[] { new { uri = "sip:203.0.113.62" } } });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, trunkAgain.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_a_profile_nor_attach_one_to_a_trunk_it_does_not_own()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("beta");
        var trunk = await TrunkAsync(a.Client);
        var profile = await a.Client.CreateAsync("/v1/redirect-profiles", new { mapping_gateway_id = trunk, servers = new[] { new { uri = "sip:203.0.113.60" } } });

        using var read = await b.Client.GetAsync($"/v1/redirect-profiles/{profile}", Ct);
        using var replaced = await b.Client.PutJsonAsync($"/v1/redirect-profiles/{profile}", new { servers = new[] { new { uri = "sip:203.0.113.66" } } });
        using var attached = await b.Client.PostJsonAsync("/v1/redirect-profiles", new { mapping_gateway_id = trunk, servers = new[] { new { uri = "sip:203.0.113.66" } } });
        var listed = await (await b.Client.GetAsync("/v1/redirect-profiles", Ct)).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, attached.StatusCode);
        Assert.Empty(listed["data"]!.AsArray());
    }

    [Fact]
    public async Task The_switch_reads_enabled_profiles_per_tenant_and_trunk()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("beta");
        var trunk = await TrunkAsync(a.Client);
        await a.Client.CreateAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:203.0.113.60" } } });
        await a.Client.CreateAsync("/v1/redirect-profiles", new { mapping_gateway_id = trunk, servers = new[] { new { uri = "https://203.0.113.61/route", timeout_milliseconds = 700 } } });
        await b.Client.CreateAsync("/v1/redirect-profiles", new { servers = new[] { new { uri = "sip:203.0.113.62" } }, enabled = false });
        var profiles = new RedirectProfileSource();
        var refresher = new RedirectProfilesRefresher(
            app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), profiles, TimeProvider.System, NullLogger<RedirectProfilesRefresher>.Instance);

        await refresher.RefreshAsync(Ct);

        Assert.Equal("sip:203.0.113.60", profiles.Current.For(a.Id, null)!.Servers[0].Address);
        var trunkProfile = profiles.Current.For(a.Id, trunk)!.Servers[0];
        Assert.Equal(("https://203.0.113.61/route", TimeSpan.FromMilliseconds(700)), (trunkProfile.Address, trunkProfile.Timeout));
        Assert.Null(profiles.Current.For(b.Id, null));
        Assert.Null(profiles.Current.For(b.Id, trunk));
    }

    private static async Task<JsonObject> Read(HttpClient client, string id) =>
        await (await client.GetAsync($"/v1/redirect-profiles/{id}", Ct)).ReadObjectAsync();

    private static async Task<string> TrunkAsync(HttpClient client)
    {
        var account = await client.CreateAsync("/v1/accounts", new { name = "C", kind = "client", currency = "USD" });
        return await client.CreateAsync("/v1/mapping-gateways", new { account_id = account, name = "t", source_addresses = new[] { "198.51.100.77" } });
    }
}

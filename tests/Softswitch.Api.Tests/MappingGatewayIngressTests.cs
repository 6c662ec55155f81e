using System.Net;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>A source range with a tech prefix belongs to one tenant (README "Ingress matching").</summary>
public sealed class MappingGatewayIngressTests
{
    [Theory]
    [InlineData("198.51.100.0/24", "77")]
    [InlineData("198.51.100.7", "77")]
    [InlineData("198.51.0.0/16", "77")]
    [InlineData("198.51.100.7", "")]
    [InlineData("198.51.100.7", "771")]
    [InlineData("198.51.100.7", "7")]
    [InlineData("::ffff:198.51.100.7", "77")]
    public async Task A_range_another_tenant_could_share_an_invite_with_is_409_naming_no_tenant(string source, string prefix)
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("bravo");
        var aGateway = await CreateTrunkAsync(a.Client, "alpha-trunk", ["198.51.100.0/24"], "77");

        using var response = await PostTrunkAsync(b.Client, "bravo-trunk", [source], prefix);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { a.Id, aGateway, "alpha", "198.51.100.0/24" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("source_addresses[0]"), text);
        Assert.Empty(await ListAsync(b.Client));
    }

    [Theory]
    [InlineData("198.51.101.0/24", "77")]
    [InlineData("198.51.100.7", "78")]
    [InlineData("198.51.100.7", "66")]
    [InlineData("2001:db8::/48", "")]
    public async Task A_range_or_prefix_no_invite_could_share_is_allowed(string source, string prefix)
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("bravo");
        await CreateTrunkAsync(a.Client, "alpha-trunk", ["198.51.100.0/24"], "77");

        using var response = await PostTrunkAsync(b.Client, "bravo-trunk", [source], prefix);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Overlapping_ranges_within_one_tenant_are_allowed()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");

        await CreateTrunkAsync(a.Client, "wide", ["198.51.100.0/24"], "");
        await CreateTrunkAsync(a.Client, "narrow", ["198.51.100.7"], "77");

        Assert.Equal(2, (await ListAsync(a.Client)).Count);
    }

    [Fact]
    public async Task Updating_into_another_tenants_range_is_409_and_changes_nothing()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("bravo");
        await CreateTrunkAsync(a.Client, "alpha-trunk", ["198.51.100.0/24"], "77");
        var bGateway = await CreateTrunkAsync(b.Client, "bravo-trunk", ["203.0.113.0/24"], "77");

        using var moved = await PutTrunkAsync(b.Client, bGateway, "bravo-trunk", ["198.51.100.9"], "77", "active");

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        using var current = await b.Client.GetAsync($"/v1/mapping-gateways/{bGateway}");
        Assert.Equal("203.0.113.0/24", (await current.ReadObjectAsync())["source_addresses"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_or_deleted_trunk_frees_its_range_and_enabling_it_again_is_checked()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var b = await app.CreateTenantAsync("bravo");
        using var c = await app.CreateTenantAsync("charlie");
        var aGateway = await CreateTrunkAsync(a.Client, "alpha-trunk", ["198.51.100.0/24"], "");

        using var disabled = await PutTrunkAsync(a.Client, aGateway, "alpha-trunk", ["198.51.100.0/24"], "", "disabled");
        var bGateway = await CreateTrunkAsync(b.Client, "bravo-trunk", ["198.51.100.7"], "");
        using var reEnabled = await PutTrunkAsync(a.Client, aGateway, "alpha-trunk", ["198.51.100.0/24"], "", "active");
        using var deleteB = await b.Client.DeleteAsync($"/v1/mapping-gateways/{bGateway}");
        using var takenByC = await PostTrunkAsync(c.Client, "charlie-trunk", ["198.51.100.7"], "");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reEnabled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteB.StatusCode);
        Assert.Equal(HttpStatusCode.Created, takenByC.StatusCode);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_range_by_several_tenants_let_exactly_one_win()
    {
        await using var app = new TestApplication();
        var tenants = new List<TestTenant>();
        var accounts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var tenant = await app.CreateTenantAsync($"t{i}");
            tenants.Add(tenant);
            accounts.Add(await tenant.Client.CreateAsync("/v1/accounts", new { name = "Customer", kind = "client", currency = "USD" }));
        }

        var responses = await Task.WhenAll(tenants.Select((t, i) => t.Client.PostJsonAsync("/v1/mapping-gateways", new
        {
            account_id = accounts[i], name = "trunk", source_addresses = new[] { "192.0.2.0/24" }, tech_prefix = "",
        })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var disposable in responses.Cast<IDisposable>().Concat(tenants))
        {
            disposable.Dispose();
        }
    }

    [Theory]
    [InlineData("198.0.0.0/15")]
    [InlineData("0.0.0.0/0")]
    [InlineData("2001:db8::/47")]
    [InlineData("::/0")]
    public async Task A_tenant_key_cannot_claim_a_range_wider_than_the_limit_but_the_platform_admin_can(string source)
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("alpha");
        using var platform = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: a.Id);

        using var byTenant = await PostTrunkAsync(a.Client, "wide", ["203.0.113.0/24", source], "");
        using var byPlatform = await PostTrunkAsync(platform, "wide", ["203.0.113.0/24", source], "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byTenant.StatusCode);
        Assert.Equal("application/problem+json", byTenant.Content.Headers.ContentType?.MediaType);
        var errors = (await byTenant.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["source_addresses[1]"], errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.Created, byPlatform.StatusCode);
    }

    [Fact]
    public async Task The_widest_tenant_range_is_a_setting_and_a_tenant_may_keep_a_range_the_platform_gave_it()
    {
        await using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Softswitch:Ingress:WidestTenantIPv4Prefix"] = "24",
            ["Softswitch:Ingress:WidestTenantIPv6Prefix"] = "64",
        });
        using var a = await app.CreateTenantAsync("alpha");
        using var platform = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: a.Id);

        using var slash24 = await PostTrunkAsync(a.Client, "narrow", ["203.0.113.0/24"], "1");
        using var slash23 = await PostTrunkAsync(a.Client, "wider", ["198.51.100.0/23"], "2");
        using var v6 = await PostTrunkAsync(a.Client, "v6", ["2001:db8::/63"], "3");
        var given = await CreateTrunkAsync(platform, "given", ["198.51.100.0/23"], "4");
        using var renamed = await PutTrunkAsync(a.Client, given, "renamed", ["198.51.100.0/23"], "4", "active");

        Assert.Equal(HttpStatusCode.Created, slash24.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, slash23.StatusCode);
        Assert.Contains("/24", (await slash23.ReadObjectAsync())["errors"]!["source_addresses[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, v6.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [Fact]
    public async Task The_demo_trunk_keeps_127_0_0_1_until_it_is_disabled()
    {
        await using var app = new TestApplication(new Dictionary<string, string?> { ["Softswitch:SeedDemo"] = "true" });
        using var platform = app.PlatformClient();
        using var tenants = await platform.GetAsync("/v1/tenants?sip_domain=demo.softswitch.local");
        var demoId = (await tenants.ReadObjectAsync())["data"]![0]!["id"]!.GetValue<string>();
        using var asDemo = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: demoId);
        var demoTrunk = (await ListAsync(asDemo)).Single()!.AsObject();
        using var other = await app.CreateTenantAsync("other");

        using var whileDemoHasIt = await PostTrunkAsync(other.Client, "local", ["127.0.0.1"], "");
        using var disable = await PutTrunkAsync(
            asDemo, demoTrunk["id"]!.GetValue<string>(), demoTrunk["name"]!.GetValue<string>(), ["127.0.0.1"], "", "disabled",
            demoTrunk["account_id"]!.GetValue<string>());
        using var afterDisable = await PostTrunkAsync(other.Client, "local", ["127.0.0.1"], "");

        Assert.Equal(HttpStatusCode.Conflict, whileDemoHasIt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterDisable.StatusCode);
    }

    private static async Task<string> CreateTrunkAsync(HttpClient client, string name, string[] sources, string prefix)
    {
        using var response = await PostTrunkAsync(client, name, sources, prefix);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> PostTrunkAsync(HttpClient client, string name, string[] sources, string prefix) =>
        await client.PostJsonAsync("/v1/mapping-gateways", new
        {
            account_id = await CustomerAsync(client), name, source_addresses = sources, tech_prefix = prefix,
        });

    private static async Task<HttpResponseMessage> PutTrunkAsync(
        HttpClient client, string id, string name, string[] sources, string prefix, string status, string? accountId = null) =>
        await client.PutJsonAsync($"/v1/mapping-gateways/{id}", new
        {
            account_id = accountId ?? await CustomerAsync(client), name, source_addresses = sources, tech_prefix = prefix, status,
        });

    /// <summary>The caller's customer account, created on first use.</summary>
    private static async Task<string> CustomerAsync(HttpClient client)
    {
        using var list = await client.GetAsync("/v1/accounts?limit=1");
        var data = (await list.ReadObjectAsync())["data"]!.AsArray();
        return data.Count > 0
            ? data[0]!["id"]!.GetValue<string>()
            : await client.CreateAsync("/v1/accounts", new { name = "Customer", kind = "client", currency = "USD" });
    }

    private static async Task<JsonArray> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/v1/mapping-gateways");
        return (await response.ReadObjectAsync())["data"]!.AsArray();
    }
}

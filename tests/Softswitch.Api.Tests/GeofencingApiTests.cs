using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>
/// Geofencing through the API: range sets and their ranges (one by one, CSV, a MaxMind-format file), geofences at
/// each level, the limits, and the tenant wall (B can neither see nor assign A's sets, nor fence A's gateways).
/// </summary>
public sealed class GeofencingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ranges_are_added_as_cidr_or_start_and_count_and_the_set_counts_them()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "Partners", description = "trunks abroad" });

        var block = await tenant.Client.CreateAsync($"/v1/ip-range-sets/{set}/ranges", new { cidr = "203.0.113.0/24" });
        var counted = await tenant.Client.CreateAsync($"/v1/ip-range-sets/{set}/ranges", new { start = "2001:db8::", count = 65536 });

        var one = await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}/ranges/{block}", Ct)).ReadObjectAsync();
        Assert.Equal(("203.0.113.0", "203.0.113.255", "203.0.113.0/24"), (Text(one, "first"), Text(one, "last"), Text(one, "cidr")));
        var six = await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}/ranges/{counted}", Ct)).ReadObjectAsync();
        Assert.Equal(("2001:db8::", "2001:db8::ffff", "2001:db8::/112"), (Text(six, "first"), Text(six, "last"), Text(six, "cidr")));
        var stored = await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}", Ct)).ReadObjectAsync();
        Assert.Equal(2, stored["range_count"]!.GetValue<int>());

        using var removed = await tenant.Client.DeleteAsync($"/v1/ip-range-sets/{set}/ranges/{block}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(1, (await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}", Ct)).ReadObjectAsync())["range_count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"start\":\"255.255.255.200\",\"count\":100}", "start")]
    [InlineData("{\"start\":\"198.51.100.0\",\"count\":0}", "count")]
    [InlineData("{\"cidr\":\"198.51.100.1/24\"}", "cidr")]
    [InlineData("{\"cidr\":\"198.51.100.0/24\",\"start\":\"198.51.100.0\",\"count\":1}", "cidr")]
    [InlineData("{}", "cidr")]
    public async Task A_range_that_is_malformed_or_overflows_its_family_is_a_field_error(string body, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "S" });

        using var response = await tenant.Client.PostAsync($"/v1/ip-range-sets/{set}/ranges", ApiJson.Raw(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [Fact]
    public async Task A_csv_file_goes_in_whole_and_a_bad_row_is_named_and_stops_it()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "S" });

        using var good = await ImportCsvAsync(tenant.Client, set, "cidr,start,count\n198.51.100.0/24,,\n,203.0.113.10,5\n2001:db8::/32,,\n");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(3, (await good.ReadObjectAsync())["imported"]!.GetValue<int>());

        using var bad = await ImportCsvAsync(tenant.Client, set, "cidr\n192.0.2.0/24\n192.0.2.1/24\n10.0.0.0/8\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadObjectAsync())["errors"]!["row 3"]);
        Assert.Equal(3, (await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}", Ct)).ReadObjectAsync())["range_count"]!.GetValue<int>());

        using var replaced = await ImportCsvAsync(tenant.Client, set, "start,count\n192.0.2.0,256\n", "replace");
        Assert.Equal((1, 3), await ImportedAndReplacedAsync(replaced));
    }

    [Fact]
    public async Task A_100000_range_file_is_imported_whole()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "Big" });
        var csv = new StringBuilder("start,count\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"10.{i >> 14}.{(i >> 6) & 0xff}.{(i & 0x3f) << 2},3\n");
        }

        var elapsed = Stopwatch.StartNew();
        using var imported = await ImportCsvAsync(tenant.Client, set, csv.ToString());
        TestContext.Current.SendDiagnosticMessage($"100,000 ranges imported in {elapsed.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(100_000, (await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}", Ct)).ReadObjectAsync())["range_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_networks_of_chosen_countries_come_from_a_maxmind_file()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "DACH" });
        var database = new MaxMindTestDatabase()
            .Network("198.51.100.0/24", "DE").Network("203.0.113.0/25", "AT").Network("203.0.113.128/25", "FR")
            .Network("2001:db8:1::/48", "DE").Network("192.0.2.0/24", "US").ToArray();

        using var imported = await ImportMaxMindAsync(tenant.Client, set, database, "de,AT,CH");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.ReadObjectAsync())["imported"]!.GetValue<int>());
        var ranges = (await (await tenant.Client.GetAsync($"/v1/ip-range-sets/{set}/ranges", Ct)).ReadObjectAsync())["data"]!.AsArray()
            .Select(r => Text(r!.AsObject(), "cidr")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["198.51.100.0/24", "2001:db8:1::/48", "203.0.113.0/25"], ranges);
    }

    [Fact]
    public async Task A_maxmind_import_refuses_a_file_that_is_not_one_and_bad_country_codes()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "S" });

        using var junk = await ImportMaxMindAsync(tenant.Client, set, Encoding.ASCII.GetBytes("not a database at all"), "DE");
        using var codes = await ImportMaxMindAsync(tenant.Client, set, new MaxMindTestDatabase().Network("198.51.100.0/24", "DE").ToArray(), "Germany");
        using var json = await tenant.Client.PostAsync($"/v1/ip-range-sets/{set}/ranges/import-maxmind?countries=DE", ApiJson.Raw("{}"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.NotNull((await junk.ReadObjectAsync())["errors"]!["body"]);
        Assert.NotNull((await codes.ReadObjectAsync())["errors"]!["countries"]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task A_set_and_a_tenant_hold_no_more_ranges_than_their_limits()
    {
        await using var app = new TestApplication(new Dictionary<string, string?>
        {
            ["Softswitch:Geofencing:MaxRangesPerSet"] = "3",
            ["Softswitch:Geofencing:MaxRangesPerTenant"] = "4",
        });
        using var tenant = await app.CreateTenantAsync("alpha");
        var first = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "A" });
        var second = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "B" });

        using var tooLong = await ImportCsvAsync(tenant.Client, first, "cidr\n10.0.0.0/24\n10.0.1.0/24\n10.0.2.0/24\n10.0.3.0/24\n");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        using var full = await ImportCsvAsync(tenant.Client, first, "cidr\n10.0.0.0/24\n10.0.1.0/24\n10.0.2.0/24\n");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using var oneMore = await tenant.Client.PostAsync($"/v1/ip-range-sets/{first}/ranges", ApiJson.Body(new { cidr = "10.0.9.0/24" }), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oneMore.StatusCode);
        using var tenantFull = await ImportCsvAsync(tenant.Client, second, "cidr\n10.1.0.0/24\n10.1.1.0/24\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tenantFull.StatusCode);
    }

    [Fact]
    public async Task Geofences_apply_at_each_level_once_and_a_set_in_use_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var own = await TenantFixtures.CreateOneOfEachAsync(app, tenant);
        var set = await tenant.Client.CreateAsync("/v1/ip-range-sets", new { name = "Home" });

        var fence = await tenant.Client.CreateAsync("/v1/geofences", new { scope = "tenant", ip_range_set_id = set, mode = "allow" });
        await tenant.Client.CreateAsync("/v1/geofences", new { scope = "routing_gateway", target_id = own.RoutingGatewayId, ip_range_set_id = set, mode = "forbidden", refusal_status = 488 });
        await tenant.Client.CreateAsync("/v1/geofences", new { scope = "phone", target_id = own.PhoneId, ip_range_set_id = set, mode = "ignore" });
        using var second = await tenant.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "tenant", ip_range_set_id = set, mode = "forbidden" }), Ct);
        using var missingTarget = await tenant.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "mapping_gateway", ip_range_set_id = set, mode = "allow" }), Ct);
        using var wrongKind = await tenant.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "mapping_gateway", target_id = own.PhoneId, ip_range_set_id = set, mode = "allow" }), Ct);
        using var badStatus = await tenant.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "routing_gateway", target_id = own.RoutingGatewayId, ip_range_set_id = set, mode = "allow", refusal_status = 200 }), Ct);
        using var inUse = await tenant.Client.DeleteAsync($"/v1/ip-range-sets/{set}", Ct);

        var stored = await (await tenant.Client.GetAsync($"/v1/geofences/{fence}", Ct)).ReadObjectAsync();
        Assert.Equal(("tenant", "allow", 403), (Text(stored, "scope"), Text(stored, "mode"), stored["refusal_status"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull((await missingTarget.ReadObjectAsync())["errors"]!["target_id"]);
        Assert.NotNull((await wrongKind.ReadObjectAsync())["errors"]!["target_id"]);
        Assert.NotNull((await badStatus.ReadObjectAsync())["errors"]!["refusal_status"]);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal(4, (await (await tenant.Client.GetAsync("/v1/geofences", Ct)).ReadObjectAsync())["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Tenant_b_can_neither_see_nor_assign_tenant_as_sets_nor_fence_its_gateways()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var a = await TenantFixtures.CreateOneOfEachAsync(app, alpha);
        var b = await TenantFixtures.CreateOneOfEachAsync(app, bravo);

        using var get = await bravo.Client.GetAsync($"/v1/ip-range-sets/{a.IpRangeSetId}", Ct);
        using var ranges = await bravo.Client.GetAsync($"/v1/ip-range-sets/{a.IpRangeSetId}/ranges", Ct);
        using var import = await ImportCsvAsync(bravo.Client, a.IpRangeSetId, "cidr\n10.0.0.0/8\n");
        using var fence = await bravo.Client.GetAsync($"/v1/geofences/{a.GeofenceId}", Ct);
        using var assign = await bravo.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "tenant", ip_range_set_id = a.IpRangeSetId, mode = "allow" }), Ct);
        using var target = await bravo.Client.PostAsync("/v1/geofences", ApiJson.Body(new { scope = "mapping_gateway", target_id = a.MappingGatewayId, ip_range_set_id = b.IpRangeSetId, mode = "forbidden" }), Ct);
        var listed = await (await bravo.Client.GetAsync("/v1/ip-range-sets", Ct)).ReadObjectAsync();

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (get.StatusCode, ranges.StatusCode, import.StatusCode, fence.StatusCode));
        Assert.NotNull((await assign.ReadObjectAsync())["errors"]!["ip_range_set_id"]);
        Assert.NotNull((await target.ReadObjectAsync())["errors"]!["target_id"]);
        Assert.Equal(b.IpRangeSetId, Text(Assert.Single(listed["data"]!.AsArray())!.AsObject(), "id"));
        Assert.Equal(1, (await (await alpha.Client.GetAsync($"/v1/ip-range-sets/{a.IpRangeSetId}", Ct)).ReadObjectAsync())["range_count"]!.GetValue<int>());
    }

    private static string Text(JsonObject node, string name) => node[name]!.GetValue<string>();

    private static Task<HttpResponseMessage> ImportCsvAsync(HttpClient client, string set, string csv, string? mode = null) =>
        client.PostAsync(
            $"/v1/ip-range-sets/{set}/ranges/import" + (mode is null ? "" : $"?mode={mode}"),
            new StringContent(csv, Encoding.UTF8, "text/csv"),
            Ct);

    private static Task<HttpResponseMessage> ImportMaxMindAsync(HttpClient client, string set, byte[] database, string countries)
    {
        var body = new ByteArrayContent(database);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/v1/ip-range-sets/{set}/ranges/import-maxmind?countries={countries}", body, Ct);
    }

    private static async Task<(int Imported, int Replaced)> ImportedAndReplacedAsync(HttpResponseMessage response)
    {
        var result = await response.ReadObjectAsync();
        return (result["imported"]!.GetValue<int>(), result["replaced"]!.GetValue<int>());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using static Softswitch.Api.Tests.Reports.ReportFixture;

namespace Softswitch.Api.Tests.Reports;

/// <summary>The reports against <see cref="ReportFixture"/>'s five CDRs, every figure worked out by hand.</summary>
public sealed class ReportApiTests
{
    private const string Period = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z";

    [Fact]
    public async Task Gateway_reports_match_the_hand_computed_fixture()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");
        await SeedAsync(app, tenant);

        var trunks = await DataAsync(tenant.Client, $"/v1/reports/mapping-gateways?{Period}");
        Assert.Equal(3, trunks.Count);
        // Trunk A: calls 1-3. ASR 2 of 3 admitted; ACD (90+30)/2; PDD (2000+4000+1000)/3.
        Assert.Equal(TrunkA, (string?)trunks[0]!["mapping_gateway_id"]);
        AssertFigures(trunks[0]!, calls: 3, refused: 0, attempts: 4, answered: 2, asr: 66.67m, acd: 60.0m, pdd: 2333, minutes: 2.00m, billed: 3.00m, charge: 0.074m, cost: 0.030m);
        // Phone P: one refused call; nothing admitted, so no ASR.
        Assert.Null(trunks[1]!["mapping_gateway_id"]);
        Assert.Equal(PhoneP, (string?)trunks[1]!["phone_id"]);
        AssertFigures(trunks[1]!, calls: 1, refused: 1, attempts: 0, answered: 0, asr: null, acd: null, pdd: null, minutes: 0, billed: 0, charge: 0, cost: 0);
        Assert.Equal(TrunkB, (string?)trunks[2]!["mapping_gateway_id"]);
        AssertFigures(trunks[2]!, calls: 1, refused: 0, attempts: 1, answered: 1, asr: 100m, acd: 60.0m, pdd: 3000, minutes: 1.00m, billed: 1.00m, charge: 0.01m, cost: 0.015m);

        var vendors = await DataAsync(tenant.Client, $"/v1/reports/routing-gateways?{Period}");
        Assert.Equal(2, vendors.Count);
        // V1 got three INVITEs (calls 1, 2, 3) and answered two.
        Assert.Equal(VendorV1, (string?)vendors[0]!["routing_gateway_id"]);
        AssertFigures(vendors[0]!, calls: 3, refused: 0, attempts: 3, answered: 2, asr: 66.67m, acd: 60.0m, pdd: 2333, minutes: 2.00m, billed: 3.00m, charge: 0.074m, cost: 0.030m);
        // V2 got two (call 1's first try, call 5) and took one call: ASR over attempts, 1 of 2.
        Assert.Equal(VendorV2, (string?)vendors[1]!["routing_gateway_id"]);
        AssertFigures(vendors[1]!, calls: 1, refused: 0, attempts: 2, answered: 1, asr: 50.00m, acd: 60.0m, pdd: 3000, minutes: 1.00m, billed: 1.00m, charge: 0.01m, cost: 0.015m);
    }

    [Fact]
    public async Task Failure_period_destination_and_cross_table_reports_match_the_fixture()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");
        var (_, account2) = await SeedAsync(app, tenant);

        var codes = await DataAsync(tenant.Client, $"/v1/reports/failure-codes?{Period}");
        Assert.Equal([486, 503], codes.Select(c => (int)c!["final_code"]!));
        Assert.Equal([1L, 1L], codes.Select(c => (long)c!["figures"]!["calls"]!));

        var rules = await DataAsync(tenant.Client, $"/v1/reports/refusal-rules?{Period}");
        var rule = Assert.Single(rules);
        Assert.Equal("call-rate", (string?)rule!["refusal_rule"]);
        Assert.Equal(1L, (long)rule["figures"]!["refused"]!);

        var days = await DataAsync(tenant.Client, $"/v1/reports/daily?{Period}");
        Assert.Equal(["2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"], days.Select(d => (string)d!["start"]!));
        // Day 1: calls 1-4; ASR 2 answered of 3 admitted; profit 0.074 - 0.030.
        AssertFigures(days[0]!, calls: 4, refused: 1, attempts: 4, answered: 2, asr: 66.67m, acd: 60.0m, pdd: 2333, minutes: 2.00m, billed: 3.00m, charge: 0.074m, cost: 0.030m);
        AssertFigures(days[1]!, calls: 1, refused: 0, attempts: 1, answered: 1, asr: 100m, acd: 60.0m, pdd: 3000, minutes: 1.00m, billed: 1.00m, charge: 0.01m, cost: 0.015m);

        var hours = await DataAsync(tenant.Client, $"/v1/reports/hourly?{Period}");
        Assert.Equal(["2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z", "2026-03-02T09:00:00Z"], hours.Select(h => (string)h!["start"]!));
        Assert.Equal([2L, 2L, 1L], hours.Select(h => (long)h!["figures"]!["calls"]!));

        var spend = await DataAsync(tenant.Client, $"/v1/reports/hourly?{Period}&account_id={account2}");
        Assert.Equal(["2026-03-01T11:00:00Z", "2026-03-02T09:00:00Z"], spend.Select(h => (string)h!["start"]!));
        Assert.Equal([0m, 0.01m], spend.Select(h => (decimal)h!["figures"]!["charge"]!));

        var destinations = await DataAsync(tenant.Client, $"/v1/reports/destinations?{Period}");
        Assert.Equal(
            ["GB fixed_line 2", "US fixed_line_or_mobile 2", "GB mobile 1"],
            destinations.Select(d => $"{d!["country"]} {d["number_type"]} {d["figures"]!["calls"]}"));
        AssertFigures(destinations[1]!, calls: 2, refused: 1, attempts: 1, answered: 1, asr: 100m, acd: 60.0m, pdd: 3000, minutes: 1.00m, billed: 1.00m, charge: 0.01m, cost: 0.015m);

        var vendorAreas = await DataAsync(tenant.Client, $"/v1/reports/gateway-areas?{Period}");
        Assert.Equal(
            [$"{VendorV1} GB 3/3", $"{VendorV2} US 1/1", $"{VendorV2} GB 1/0"],
            vendorAreas.Select(a => $"{a!["gateway_id"]} {a["country"]} {a["figures"]!["attempts"]}/{a["figures"]!["calls"]}"));
        var trunkAreas = await DataAsync(tenant.Client, $"/v1/reports/gateway-areas?{Period}&side=mapping");
        Assert.Equal(
            [" US 1", $"{TrunkA} GB 3", $"{TrunkB} US 1"],
            trunkAreas.Select(a => $"{a!["gateway_id"]} {a["country"]} {a["figures"]!["calls"]}"));
    }

    [Theory]
    [InlineData("from=2026-03-01T11:00:00Z&to=2026-03-03T00:00:00Z")] // hours of day 1, then day 2 whole
    [InlineData("from=2026-03-01T11:00:00Z&to=2026-03-02T10:00:00Z")] // hours only
    public async Task The_cross_table_adds_whole_days_and_the_hours_at_the_ends_alike(string period)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");
        await SeedAsync(app, tenant);

        // Calls 3 (11:10, V1, GB) and 5 (day 2 09:00, V2, US); call 4 reached no vendor.
        var areas = await DataAsync(tenant.Client, $"/v1/reports/gateway-areas?{period}");

        Assert.Equal(
            [$"{VendorV1} GB 1/1", $"{VendorV2} US 1/1"],
            areas.Select(a => $"{a!["gateway_id"]} {a["country"]} {a["figures"]!["attempts"]}/{a["figures"]!["calls"]}"));
    }

    [Fact]
    public async Task Reports_answer_csv_on_request()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");
        await SeedAsync(app, tenant);

        var csv = await tenant.Client.GetStringAsync($"/v1/reports/routing-gateways?{Period}&format=csv");
        Assert.Equal(
            "routing_gateway_id,calls,refused,attempts,answered,asr,acd_seconds,pdd_milliseconds,minutes,billed_minutes,charge,cost,profit\r\n" +
            $"{VendorV1},3,0,3,2,66.67,60,2333,2,3,0.074,0.03,0.044\r\n" +
            $"{VendorV2},1,0,2,1,50,60,3000,1,1,0.01,0.015,-0.005\r\n",
            csv);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/reports/failure-codes?{Period}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await tenant.Client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("final_code,calls,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("486,1,0,1,0,0,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-03-01T00:30:00Z&to=2026-03-02T00:00:00Z", "from")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("format=xml", "format")]
    public async Task Bad_periods_and_formats_are_field_errors(string query, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");

        using var response = await tenant.Client.GetAsync($"/v1/reports/daily?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [Fact]
    public async Task A_late_cdr_is_counted_in_its_own_hour_once()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");
        var (account1, _) = await SeedAsync(app, tenant);

        // Interrupted by a crash at 10:50 and recovered after its hour was folded.
        await InsertAsync(app, tenant.Id, [Call(TrunkA, null, account1, "442079460000", Day1.AddHours(10).AddMinutes(50), 1000, 5_000, 60, 0.01m, 0.005m, 200, null, (VendorV1, 200))]);
        Assert.Equal(1, await FoldAllAsync(app, tenant.Id));
        Assert.Equal(0, await FoldAllAsync(app, tenant.Id));

        var hours = await DataAsync(tenant.Client, $"/v1/reports/hourly?{Period}");
        Assert.Equal([3L, 2L, 1L], hours.Select(h => (long)h!["figures"]!["calls"]!));
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("reports");

        using var response = await tenant.Client.GetAsync($"/v1/reports/hourly?{Period}&account_id=acc_nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<(string Account1, string Account2)> SeedAsync(TestApplication app, TestTenant tenant)
    {
        var account1 = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });
        var account2 = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Globex", kind = "client", currency = "USD" });
        await InsertAsync(app, tenant.Id, Cdrs(account1, account2));
        Assert.Equal(5, await FoldAllAsync(app, tenant.Id));
        return (account1, account2);
    }

    internal static async Task<JsonArray> DataAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.ReadObjectAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["data"]!.AsArray();
    }

    private static void AssertFigures(
        JsonNode row, long calls, long refused, long attempts, long answered, decimal? asr, decimal? acd, long? pdd,
        decimal minutes, decimal billed, decimal charge, decimal cost)
    {
        var f = row["figures"]!;
        Assert.Equal(
            (calls, refused, attempts, answered, asr, acd, pdd, minutes, billed, charge, cost, charge - cost),
            ((long)f["calls"]!, (long)f["refused"]!, (long)f["attempts"]!, (long)f["answered"]!, (decimal?)f["asr"], (decimal?)f["acd_seconds"],
                (long?)f["pdd_milliseconds"], (decimal)f["minutes"]!, (decimal)f["billed_minutes"]!, (decimal)f["charge"]!, (decimal)f["cost"]!,
                (decimal)f["profit"]!));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

public sealed class CdrApiTests
{
    private static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Cdr_list_filters_by_time_account_gateways_numbers_and_code()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var early = await InsertAsync(app, tenant.Id, Noon, account: "acc_a", mapping: "mgw_a", gateways: ["rgw_1"], caller: "15550001", callee: "4420", code: 200);
        var failedOver = await InsertAsync(app, tenant.Id, Noon.AddHours(1), account: "acc_b", mapping: "mgw_b", gateways: ["rgw_1", "rgw_2"], caller: "15559999", callee: "3312", code: 486);
        var late = await InsertAsync(app, tenant.Id, Noon.AddHours(2), account: "acc_a", mapping: "mgw_a", gateways: ["rgw_2"], caller: "16660001", callee: "4430", code: 200);

        Assert.Equal([early, failedOver, late], await IdsAsync(tenant.Client, "/v1/cdrs"));
        Assert.Equal([failedOver], await IdsAsync(tenant.Client, "/v1/cdrs?from=2026-03-01T13:00:00Z&to=2026-03-01T14:00:00Z"));
        Assert.Equal([early, late], await IdsAsync(tenant.Client, "/v1/cdrs?account_id=acc_a"));
        Assert.Equal([failedOver], await IdsAsync(tenant.Client, "/v1/cdrs?mapping_gateway_id=mgw_b"));
        Assert.Equal([failedOver, late], await IdsAsync(tenant.Client, "/v1/cdrs?routing_gateway_id=rgw_2"));
        Assert.Equal([early, failedOver], await IdsAsync(tenant.Client, "/v1/cdrs?caller=1555"));
        Assert.Equal([early, late], await IdsAsync(tenant.Client, "/v1/cdrs?callee=44"));
        Assert.Equal([failedOver], await IdsAsync(tenant.Client, "/v1/cdrs?final_code=486"));
        Assert.Equal([late], await IdsAsync(tenant.Client, "/v1/cdrs?account_id=acc_a&callee=443"));
    }

    [Fact]
    public async Task Cdr_is_read_with_its_attempts()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var id = await InsertAsync(app, tenant.Id, Noon, account: "acc_a", mapping: "mgw_a", gateways: ["rgw_1", "rgw_2"], caller: "1555", callee: "4420", code: 200);

        using var response = await tenant.Client.GetAsync($"/v1/cdrs/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cdr = await response.ReadObjectAsync();
        Assert.StartsWith("cdr_", id, StringComparison.Ordinal);
        Assert.Equal(200, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("caller", cdr["hangup_side"]!.GetValue<string>());
        var attempts = cdr["attempts"]!.AsArray();
        Assert.Equal(["rgw_1", "rgw_2"], attempts.Select(a => a!["routing_gateway_id"]!.GetValue<string>()));
        Assert.Equal([503, 200], attempts.Select(a => a!["response_code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Cdr_list_pages_with_a_cursor_without_repeats_or_gaps()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await InsertAsync(app, tenant.Id, Noon.AddMinutes(i), account: "acc_a", mapping: "mgw_a", gateways: ["rgw_1"], caller: "1", callee: "44", code: 200));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await tenant.Client.GetAsync("/v1/cdrs?limit=2" + (cursor is null ? "" : "&cursor=" + cursor))).ReadObjectAsync();
            seen.AddRange(page["data"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Cdr_export_is_csv_with_a_header_and_the_list_filters()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var kept = await InsertAsync(app, tenant.Id, Noon, account: "acc_a", mapping: "mgw_a", gateways: ["rgw_1", "rgw_2"], caller: "Alice, \"A\"", callee: "4420", code: 200);
        await InsertAsync(app, tenant.Id, Noon, account: "acc_b", mapping: "mgw_a", gateways: ["rgw_1"], caller: "1555", callee: "4420", code: 486);

        using var response = await tenant.Client.GetAsync("/v1/cdrs/export.csv?account_id=acc_a");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("id,call_id,account_id,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(kept + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"Alice, \"\"A\"\"\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2026-03-01T12:00:00.000Z,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",rgw_1:503;rgw_2:200,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cdr_of_another_tenant_is_not_found_listed_or_exported()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        var id = await InsertAsync(app, a.Id, Noon, account: "acc_a", mapping: "mgw_a", gateways: ["rgw_1"], caller: "1", callee: "44", code: 200);

        using var get = await b.Client.GetAsync($"/v1/cdrs/{id}");
        var list = await b.Client.GetStringAsync("/v1/cdrs");
        var csv = await b.Client.GetStringAsync("/v1/cdrs/export.csv");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_cdr_filters_are_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.GetAsync("/v1/cdrs?final_code=99&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");
        using var export = await tenant.Client.GetAsync("/v1/cdrs/export.csv?callee=" + new string('4', 65));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("final_code"));
        Assert.True(errors.ContainsKey("to"));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    private static Task<string> InsertAsync(
        TestApplication app, string tenantId, DateTime setupAt, string account, string mapping, string[] gateways,
        string caller, string callee, int code) =>
        TenantFixtures.InsertCdrAsync(app, tenantId, new Cdr
        {
            CallId = Guid.NewGuid().ToString("n"),
            AccountId = account,
            MappingGatewayId = mapping,
            RoutingGatewayId = gateways[^1],
            CallerReceived = caller,
            CalleeReceived = callee,
            CallerSent = caller,
            CalleeSent = callee,
            SetupAt = setupAt,
            EndAt = setupAt.AddMinutes(1),
            FinalCode = code,
            Q850Cause = code == 200 ? 16 : 17,
            HangupSide = HangupSide.Caller,
            Attempts = gateways.Select((g, i) => new CdrAttempt
            {
                RoutingGatewayId = g, CalleeSent = callee, StartedAt = setupAt, ResponseCode = i == gateways.Length - 1 ? code : 503,
            }).ToList(),
        });

    private static async Task<List<string>> IdsAsync(HttpClient client, string path)
    {
        var text = await client.GetStringAsync(path);
        return JsonNode.Parse(text)!["data"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
    }
}

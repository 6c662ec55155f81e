using System.Net;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>Each bad request gets an RFC 9457 problem with a 4xx status, and nothing is written.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string, string?> BadAccountBodies => new()
    {
        { "malformed JSON", "{\"name\": \"x\", ", "application/json", "body" },
        { "missing name", "{\"kind\":\"client\",\"currency\":\"USD\"}", "application/json", "name" },
        { "missing kind", "{\"name\":\"x\",\"currency\":\"USD\"}", "application/json", "kind" },
        { "unknown enum value", "{\"name\":\"x\",\"kind\":\"reseller\",\"currency\":\"USD\"}", "application/json", "kind" },
        { "wrong type", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"credit_limit\":\"lots\"}", "application/json", "credit_limit" },
        { "negative credit limit", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"credit_limit\":-1}", "application/json", "credit_limit" },
        { "too many decimals", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"balance\":0.1234567}", "application/json", "balance" },
        { "bad currency", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"usd\"}", "application/json", "currency" },
        { "over-long name", "{\"name\":\"" + new string('n', 201) + "\",\"kind\":\"client\",\"currency\":\"USD\"}", "application/json", "name" },
        { "bad access IP", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"access_ips\":[\"10.0.0.300\"]}", "application/json", "access_ips[0]" },
        { "unknown field", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"balanse\":1}", "application/json", "balanse" },
        { "unknown rate table", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"rate_table_id\":\"rtt_nope\"}", "application/json", "rate_table_id" },
        { "zero concurrent calls", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"max_concurrent_calls\":0}", "application/json", "max_concurrent_calls" },
        { "call rate too high", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"max_calls_per_second\":10001}", "application/json", "max_calls_per_second" },
        { "duration over a day", "{\"name\":\"x\",\"kind\":\"client\",\"currency\":\"USD\",\"max_call_duration_seconds\":86401}", "application/json", "max_call_duration_seconds" },
        { "wrong content type", "name=x&kind=client", "application/x-www-form-urlencoded", null },
    };

    [Theory]
    [MemberData(nameof(BadAccountBodies))]
    public async Task Bad_account_create_gets_problem_and_writes_nothing(string why, string body, string contentType, string? field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.PostAsync("/v1/accounts", ApiJson.Raw(body, contentType));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((int)response.StatusCode, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            Assert.True(problem["errors"]?[field] is JsonArray, $"{why}: expected a field error for '{field}' in {problem}");
        }

        var list = await (await tenant.Client.GetAsync("/v1/accounts")).ReadObjectAsync();
        Assert.Empty(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.PostAsync("/v1/accounts", ApiJson.Raw("<account/>", "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/accounts/acc_unknown")]
    [InlineData("/v1/phones/phn_unknown")]
    [InlineData("/v1/mapping-gateways/mgw_unknown")]
    [InlineData("/v1/routing-gateways/rgw_unknown")]
    [InlineData("/v1/routes/rte_unknown")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var get = await tenant.Client.GetAsync(path);
        using var delete = await tenant.Client.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Routing_gateway_with_bad_fields_reports_each_field()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.PostAsync("/v1/routing-gateways", ApiJson.Body(new
        {
            account_id = "acc_missing", name = "", host = "not a host!", port = 70000, failover_codes = new[] { 200 },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Contains("account_id", errors.Select(e => e.Key));
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("host", errors.Select(e => e.Key));
        Assert.Contains("port", errors.Select(e => e.Key));
        Assert.Contains("failover_codes[0]", errors.Select(e => e.Key));
        var list = await (await tenant.Client.GetAsync("/v1/routing-gateways")).ReadObjectAsync();
        Assert.Empty(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Bad_paging_parameters_are_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var tooMany = await tenant.Client.GetAsync("/v1/accounts?limit=501");
        using var badCursor = await tenant.Client.GetAsync("/v1/accounts?cursor=not-ours");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.NotNull((await tooMany.ReadObjectAsync())["errors"]!["limit"]);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.NotNull((await badCursor.ReadObjectAsync())["errors"]!["cursor"]);
    }
}

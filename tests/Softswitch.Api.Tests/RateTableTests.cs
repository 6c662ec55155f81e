using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;

namespace Softswitch.Api.Tests;

public sealed class RateTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rate_table_is_created_read_listed_updated_and_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var created = await tenant.Client.PostJsonAsync("/v1/rate-tables", new { name = "Retail", currency = "USD", description = "List prices" });
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
        await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Wholesale", currency = "EUR" });
        using var get = await tenant.Client.GetAsync($"/v1/rate-tables/{id}");
        var byName = await (await tenant.Client.GetAsync("/v1/rate-tables?name=Ret")).ReadObjectAsync();
        var byCurrency = await (await tenant.Client.GetAsync("/v1/rate-tables?currency=EUR")).ReadObjectAsync();
        using var updated = await tenant.Client.PutJsonAsync($"/v1/rate-tables/{id}", new { name = "Retail 2026", description = (string?)null });
        using var deleted = await tenant.Client.DeleteAsync($"/v1/rate-tables/{id}");
        using var gone = await tenant.Client.GetAsync($"/v1/rate-tables/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/rate-tables/{id}", created.Headers.Location?.OriginalString);
        Assert.NotNull(created.Headers.ETag);
        Assert.StartsWith("rtt_", id, StringComparison.Ordinal);
        var table = await get.ReadObjectAsync();
        Assert.Equal("Retail", table["name"]!.GetValue<string>());
        Assert.Equal("USD", table["currency"]!.GetValue<string>());
        Assert.Equal("List prices", table["description"]!.GetValue<string>());
        Assert.Equal(id, Assert.Single(byName["data"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("Wholesale", Assert.Single(byCurrency["data"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.ReadObjectAsync();
        Assert.Equal("Retail 2026", after["name"]!.GetValue<string>());
        Assert.Equal(2, after["version"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rate_table_name_is_unique_within_a_tenant_only()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        await a.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var other = await a.Client.CreateAsync("/v1/rate-tables", new { name = "Other", currency = "USD" });

        using var again = await a.Client.PostJsonAsync("/v1/rate-tables", new { name = "Retail", currency = "EUR" });
        using var renamed = await a.Client.PutJsonAsync($"/v1/rate-tables/{other}", new { name = "Retail" });
        using var otherTenant = await b.Client.PostJsonAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Invalid_rate_table_fields_are_snake_case_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.PostJsonAsync("/v1/rate-tables", new { name = " ", currency = "usd", description = new string('x', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("currency"));
        Assert.True(errors.ContainsKey("description"));
    }

    [Fact]
    public async Task Another_tenants_rate_table_and_rates_are_404()
    {
        await using var app = new TestApplication();
        using var owner = await app.CreateTenantAsync("owner");
        using var intruder = await app.CreateTenantAsync("intruder");
        var table = await owner.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var rate = await owner.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));

        var answers = new List<HttpStatusCode>
        {
            (await intruder.Client.GetAsync($"/v1/rate-tables/{table}")).StatusCode,
            (await intruder.Client.PutJsonAsync($"/v1/rate-tables/{table}", new { name = "Mine" })).StatusCode,
            (await intruder.Client.DeleteAsync($"/v1/rate-tables/{table}")).StatusCode,
            (await intruder.Client.GetAsync($"/v1/rate-tables/{table}/rates")).StatusCode,
            (await intruder.Client.GetAsync($"/v1/rate-tables/{table}/rates/{rate}")).StatusCode,
            (await intruder.Client.GetAsync($"/v1/rate-tables/{table}/rates/lookup?number=441234")).StatusCode,
            (await intruder.Client.PostJsonAsync($"/v1/rate-tables/{table}/rates", RateBody("33", 0.01m))).StatusCode,
            (await intruder.Client.PutJsonAsync($"/v1/rate-tables/{table}/rates/{rate}", RateBody("44", 9m))).StatusCode,
            (await intruder.Client.DeleteAsync($"/v1/rate-tables/{table}/rates/{rate}")).StatusCode,
        };
        var list = await (await intruder.Client.GetAsync("/v1/rate-tables")).ReadObjectAsync();
        using var stillThere = await owner.Client.GetAsync($"/v1/rate-tables/{table}/rates/{rate}");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Empty(list["data"]!.AsArray());
        Assert.Equal(0.01m, (await stillThere.ReadObjectAsync())["price_per_minute"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Rate_table_used_by_an_account_cannot_be_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await tenant.Client.CreateAsync("/v1/accounts", new { name = "Customer", kind = "client", currency = "USD", rate_table_id = table });

        using var response = await tenant.Client.DeleteAsync($"/v1/rate-tables/{table}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("account", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Client.GetAsync($"/v1/rate-tables/{table}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_rate_table_deletes_its_rates()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var kept = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Kept", currency = "USD" });
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("33", 0.02m));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{kept}/rates", RateBody("44", 0.03m));

        using var response = await tenant.Client.DeleteAsync($"/v1/rate-tables/{table}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoftswitchDbContext>();
        var left = await db.Rates.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).Select(r => r.RateTableId).ToListAsync();
        Assert.Equal([kept], left);
    }

    [Fact]
    public async Task Rate_is_created_with_defaults_read_replaced_and_deleted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });

        using var created = await tenant.Client.PostJsonAsync($"/v1/rate-tables/{table}/rates",
            new { prefix = "4420", description = "London", price_per_minute = 0.0125m, effective_from = "2026-01-01T00:00:00Z" });
        var rate = await created.ReadObjectAsync();
        var id = rate["id"]!.GetValue<string>();
        using var get = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates/{id}");
        using var replaced = await tenant.Client.PutJsonAsync($"/v1/rate-tables/{table}/rates/{id}", new
        {
            prefix = "4420", price_per_minute = 0.02m, first_increment_seconds = 6, next_increment_seconds = 6, connect_fee = 0.05m,
            effective_from = "2026-01-01T00:00:00Z", effective_to = "2027-01-01T00:00:00Z",
        });
        using var deleted = await tenant.Client.DeleteAsync($"/v1/rate-tables/{table}/rates/{id}");
        using var gone = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/rate-tables/{table}/rates/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(table, rate["rate_table_id"]!.GetValue<string>());
        Assert.Equal(60, rate["first_increment_seconds"]!.GetValue<int>());
        Assert.Equal(60, rate["next_increment_seconds"]!.GetValue<int>());
        Assert.Equal(0m, rate["connect_fee"]!.GetValue<decimal>());
        Assert.Null(rate["effective_to"]);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(created.Headers.ETag, get.Headers.ETag);
        var after = await replaced.ReadObjectAsync();
        Assert.Equal(0.02m, after["price_per_minute"]!.GetValue<decimal>());
        Assert.Equal(6, after["first_increment_seconds"]!.GetValue<int>());
        Assert.Equal(0.05m, after["connect_fee"]!.GetValue<decimal>());
        Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), after["effective_to"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Rates_of_an_unknown_rate_table_are_404_before_the_body_is_validated()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");

        using var response = await tenant.Client.PostJsonAsync("/v1/rate-tables/rtt_missing/rates", new { prefix = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("rate table", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_is_not_reachable_through_another_rate_table()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var other = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Other", currency = "USD" });
        var rate = await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));

        using var get = await tenant.Client.GetAsync($"/v1/rate-tables/{other}/rates/{rate}");
        using var delete = await tenant.Client.DeleteAsync($"/v1/rate-tables/{other}/rates/{rate}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Invalid_rate_fields_are_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });

        using var response = await tenant.Client.PostJsonAsync($"/v1/rate-tables/{table}/rates", new
        {
            prefix = "44a", price_per_minute = 0.0000001m, first_increment_seconds = 0, next_increment_seconds = 3601,
            connect_fee = -1m, effective_from = "2026-02-01T00:00:00Z", effective_to = "2026-01-01T00:00:00Z",
        });
        using var missing = await tenant.Client.PostJsonAsync($"/v1/rate-tables/{table}/rates", new { prefix = "44" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(
            ["connect_fee", "effective_to", "first_increment_seconds", "next_increment_seconds", "prefix", "price_per_minute"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var missingErrors = (await missing.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(missingErrors.ContainsKey("price_per_minute"));
        Assert.True(missingErrors.ContainsKey("effective_from"));
    }

    [Fact]
    public async Task Same_prefix_and_effective_from_twice_in_a_rate_table_is_409()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var other = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Other", currency = "USD" });
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));
        var later = await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.02m, "2026-06-01T00:00:00Z"));

        using var again = await tenant.Client.PostJsonAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.03m));
        using var moved = await tenant.Client.PutJsonAsync($"/v1/rate-tables/{table}/rates/{later}", RateBody("44", 0.02m));
        using var elsewhere = await tenant.Client.PostJsonAsync($"/v1/rate-tables/{other}/rates", RateBody("44", 0.03m));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Rate_list_filters_by_prefix_prefix_start_and_effective_time()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.02m, "2026-06-01T00:00:00Z"));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("447", 0.10m));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("33", 0.03m));

        var exact = await Prices(tenant.Client, $"/v1/rate-tables/{table}/rates?prefix=44");
        var startsWith = await Prices(tenant.Client, $"/v1/rate-tables/{table}/rates?prefix_starts_with=44");
        var inMarch = await Prices(tenant.Client, $"/v1/rate-tables/{table}/rates?prefix=44&effective_at=2026-03-01T00:00:00Z");
        var atSwitch = await Prices(tenant.Client, $"/v1/rate-tables/{table}/rates?prefix=44&effective_at=2026-06-01T00:00:00Z");
        using var bad = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates?prefix_starts_with=4x");

        Assert.Equal([0.01m, 0.02m], exact);
        Assert.Equal([0.01m, 0.02m, 0.10m], startsWith);
        Assert.Equal([0.01m], inMarch);
        Assert.Equal([0.02m], atSwitch);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("prefix_starts_with"));
    }

    [Fact]
    public async Task Lookup_finds_the_longest_prefix_effective_at_the_given_time()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("447", 0.10m));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("4477", 0.20m, "2026-06-01T00:00:00Z"));

        var mobile = await LookUpPrice(tenant.Client, table, "447700900123", "2026-03-01T00:00:00Z");
        var afterJune = await LookUpPrice(tenant.Client, table, "447700900123", "2026-07-01T00:00:00Z");
        var landline = await LookUpPrice(tenant.Client, table, "442079460000", "2026-03-01T00:00:00Z");
        using var beforeAny = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates/lookup?number=447700900123&at=2025-01-01T00:00:00Z");
        using var unknown = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates/lookup?number=33123456789&at=2026-03-01T00:00:00Z");
        using var notANumber = await tenant.Client.GetAsync($"/v1/rate-tables/{table}/rates/lookup?number=44abc");

        Assert.Equal(0.10m, mobile);
        Assert.Equal(0.20m, afterJune);
        Assert.Equal(0.01m, landline);
        Assert.Equal(HttpStatusCode.NotFound, beforeAny.StatusCode);
        Assert.Equal("application/problem+json", beforeAny.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
    }

    [Fact]
    public async Task Lookup_without_a_time_uses_the_clock()
    {
        await using var app = new TestApplication(time: new FakeTimeProvider(Now));
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m, "2026-01-01T00:00:00Z", "2026-03-15T10:30:00Z"));
        await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.02m, "2026-03-15T10:30:00Z"));

        var price = await LookUpPrice(tenant.Client, table, "4420", at: null);

        Assert.Equal(0.02m, price);
    }

    [Fact]
    public async Task Stale_if_match_on_a_rate_is_412()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        var rate = await tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", RateBody("44", 0.01m));
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/rate-tables/{table}/rates/{rate}") { Content = ApiJson.Body(RateBody("44", 0.05m)) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));

        using var response = await tenant.Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    internal static object RateBody(string prefix, decimal price, string from = "2026-01-01T00:00:00Z", string? to = null) =>
        new { prefix, price_per_minute = price, effective_from = from, effective_to = to };

    private static async Task<List<decimal>> Prices(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var page = await response.ReadObjectAsync();
        return page["data"]!.AsArray().Select(r => r!["price_per_minute"]!.GetValue<decimal>()).Order().ToList();
    }

    private static async Task<decimal> LookUpPrice(HttpClient client, string table, string number, string? at)
    {
        var path = $"/v1/rate-tables/{table}/rates/lookup?number={number}" + (at is null ? "" : $"&at={at}");
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["price_per_minute"]!.GetValue<decimal>();
    }
}

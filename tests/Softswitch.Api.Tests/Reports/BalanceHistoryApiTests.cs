using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests.Reports;

/// <summary>
/// <c>/v1/reports/balance-history</c> against a ledger posted on a fake clock, every closing balance worked out by hand:
/// 09:30 A opens at 100 USD, B at 50 USD, E at 20 EUR; 10:15 A −30; 10:45 A −10 and B +25; 12:20 A +40.
/// </summary>
public sealed class BalanceHistoryApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_accounts_closing_balance_per_hour_is_its_last_posting_before_the_hours_end()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new TestApplication(time: time);
        using var tenant = await app.CreateTenantAsync("alpha");
        var (a, _, _) = await SeedAsync(tenant, time);

        var history = await ReadAsync(tenant.Client, $"/v1/reports/balance-history?account_id={a}&from=2026-03-01T08:00:00Z&to=2026-03-01T13:00:00Z");

        Assert.Equal(a, history["account_id"]!.GetValue<string>());
        Assert.Equal("hour", history["interval"]!.GetValue<string>());
        var rows = history["data"]!.AsArray();
        Assert.Equal(["08", "09", "10", "11", "12"], rows.Select(r => r!["start"]!.GetValue<DateTime>().ToUniversalTime().ToString("HH", CultureInfo.InvariantCulture)));
        Assert.Equal([0m, 100m, 60m, 60m, 100m], rows.Select(r => r!["closing_balance"]!.GetValue<decimal>()));
        Assert.Equal([0, 1, 1, 1, 1], rows.Select(r => r!["accounts"]!.GetValue<int>()));
        Assert.All(rows, r => Assert.Equal("USD", r!["currency"]!.GetValue<string>()));
    }

    [Fact]
    public async Task All_accounts_are_summed_per_currency_per_hour_and_per_day_in_json_and_csv()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new TestApplication(time: time);
        using var tenant = await app.CreateTenantAsync("alpha");
        await SeedAsync(tenant, time);

        var hourly = (await ReadAsync(tenant.Client, "/v1/reports/balance-history?from=2026-03-01T09:00:00Z&to=2026-03-01T13:00:00Z"))["data"]!.AsArray();
        Assert.Equal(
            [("EUR", 20m, 1), ("USD", 150m, 2), ("EUR", 20m, 1), ("USD", 135m, 2), ("EUR", 20m, 1), ("USD", 135m, 2), ("EUR", 20m, 1), ("USD", 175m, 2)],
            hourly.Select(r => (r!["currency"]!.GetValue<string>(), r["closing_balance"]!.GetValue<decimal>(), r["accounts"]!.GetValue<int>())));

        var daily = (await ReadAsync(tenant.Client, "/v1/reports/balance-history?interval=day&from=2026-02-28T00:00:00Z&to=2026-03-02T00:00:00Z"))["data"]!.AsArray();
        Assert.Equal(
            [("EUR", 0m, 0), ("USD", 0m, 0), ("EUR", 20m, 1), ("USD", 175m, 2)],
            daily.Select(r => (r!["currency"]!.GetValue<string>(), r["closing_balance"]!.GetValue<decimal>(), r["accounts"]!.GetValue<int>())));

        var csv = (await tenant.Client.GetStringAsync("/v1/reports/balance-history?from=2026-03-01T10:00:00Z&to=2026-03-01T11:00:00Z&format=csv"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("start,end,currency,closing_balance,accounts", csv[0]);
        Assert.Equal(2, csv.Length - 1);
        var usd = csv[2].Split(',');
        Assert.Equal(["2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z", "USD"], usd[..3]);
        Assert.Equal(135m, decimal.Parse(usd[3], CultureInfo.InvariantCulture));
        Assert.Equal("2", usd[4]);
    }

    [Fact]
    public async Task Bad_periods_intervals_and_formats_are_field_errors()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");

        foreach (var (query, field) in new[]
        {
            ("interval=week", "interval"),
            ("from=2026-03-01T10:30:00Z&to=2026-03-01T12:00:00Z", "from"),
            ("interval=day&from=2026-03-01T10:00:00Z&to=2026-03-03T00:00:00Z", "from"),
            ("from=2026-03-01T00:00:00Z&to=2026-04-01T01:00:00Z", "to"),
            ("interval=day&from=2026-01-01T00:00:00Z&to=2027-01-03T00:00:00Z", "to"),
            ("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"),
            ("format=xml", "format"),
        })
        {
            using var response = await tenant.Client.GetAsync($"/v1/reports/balance-history?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field), $"{query} names {field}");
        }

        using var month = await tenant.Client.GetAsync("/v1/reports/balance-history?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_balances()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = new TestApplication(time: time);
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var (alphaAccount, _, _) = await SeedAsync(alpha, time);
        await bravo.Client.CreateAsync("/v1/accounts", new { name = "Initech", kind = "client", currency = "GBP", balance = 7m });
        const string Period = "from=2026-03-01T09:00:00Z&to=2026-03-01T13:00:00Z";

        using var notFound = await bravo.Client.GetAsync($"/v1/reports/balance-history?account_id={alphaAccount}&{Period}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("Acme", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var intruder = app.ClientWithKey(bravo.Key, actAsTenant: alpha.Id);
        var seen = await intruder.GetStringAsync($"/v1/reports/balance-history?{Period}");
        Assert.Equal(await bravo.Client.GetStringAsync($"/v1/reports/balance-history?{Period}"), seen);
        var rows = JsonNode.Parse(seen)!["data"]!.AsArray();
        // Bravo's account was opened at 12:20, after alpha's postings.
        Assert.Equal(
            [("GBP", 0m, 0), ("GBP", 0m, 0), ("GBP", 0m, 0), ("GBP", 7m, 1)],
            rows.Select(r => (r!["currency"]!.GetValue<string>(), r["closing_balance"]!.GetValue<decimal>(), r["accounts"]!.GetValue<int>())));

        using var platform = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: alpha.Id);
        var alphas = JsonNode.Parse(await platform.GetStringAsync($"/v1/reports/balance-history?{Period}"))!["data"]!.AsArray();
        Assert.Equal(["EUR", "USD"], alphas.Select(r => r!["currency"]!.GetValue<string>()).Distinct());
    }

    /// <summary>The ledger of the class summary: returns accounts A, B (USD) and E (EUR).</summary>
    private static async Task<(string A, string B, string E)> SeedAsync(TestTenant tenant, FakeTimeProvider time)
    {
        var a = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 100m });
        var b = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Beta", kind = "client", currency = "USD", balance = 50m });
        var e = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Euro", kind = "client", currency = "EUR", balance = 20m });
        time.Advance(TimeSpan.FromMinutes(45));
        await tenant.Client.CreateAsync($"/v1/accounts/{a}/transactions", new { kind = "adjustment", amount = -30m });
        time.Advance(TimeSpan.FromMinutes(30));
        await tenant.Client.CreateAsync($"/v1/accounts/{a}/transactions", new { kind = "adjustment", amount = -10m });
        await tenant.Client.CreateAsync($"/v1/accounts/{b}/transactions", new { kind = "top_up", amount = 25m });
        time.Advance(TimeSpan.FromMinutes(95));
        await tenant.Client.CreateAsync($"/v1/accounts/{a}/transactions", new { kind = "top_up", amount = 40m });
        return (a, b, e);
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}

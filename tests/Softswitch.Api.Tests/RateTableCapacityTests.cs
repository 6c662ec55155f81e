using System.Globalization;
using System.Net;
using System.Text;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary><c>Softswitch:RateTables:MaxRatesPerTable</c>, set to a small number so the limit is reached quickly.</summary>
public sealed class RateTableCapacityTests
{
    private const int Limit = 3;

    [Fact]
    public async Task A_rate_beyond_the_table_limit_is_422_and_not_stored()
    {
        await using var app = CreateApp();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        for (var i = 0; i < Limit; i++)
        {
            using var created = await CreateRateAsync(tenant.Client, table, $"4{i}");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var beyond = await CreateRateAsync(tenant.Client, table, "49");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"limit of {Limit} rates per rate table", (await beyond.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Limit, await CountAsync(tenant.Client, table));
    }

    [Fact]
    public async Task The_limit_is_per_table_and_another_tenant_with_a_full_table_does_not_count()
    {
        await using var app = CreateApp();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        var full = await a.Client.CreateAsync("/v1/rate-tables", new { name = "Full", currency = "USD" });
        using var filled = await ImportAsync(a.Client, full, Deck(Limit));
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);

        var otherOfA = await a.Client.CreateAsync("/v1/rate-tables", new { name = "Other", currency = "USD" });
        var ofB = await b.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        using var intoOtherOfA = await CreateRateAsync(a.Client, otherOfA, "44");
        using var intoB = await ImportAsync(b.Client, ofB, Deck(Limit));
        using var intoFullFromB = await CreateRateAsync(b.Client, full, "44");

        Assert.Equal(HttpStatusCode.Created, intoOtherOfA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, intoB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, intoFullFromB.StatusCode);
        Assert.Equal(Limit, await CountAsync(b.Client, ofB));
    }

    [Fact]
    public async Task An_append_that_would_pass_the_limit_is_422_and_imports_nothing()
    {
        await using var app = CreateApp();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        using var first = await ImportAsync(tenant.Client, table, Deck(2));

        using var beyond = await ImportAsync(tenant.Client, table, Deck(2, firstPrefix: 500));
        using var fits = await ImportAsync(tenant.Client, table, Deck(1, firstPrefix: 500));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType?.MediaType);
        Assert.Contains("holds 2 rates", (await beyond.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(Limit, await CountAsync(tenant.Client, table));
    }

    [Fact]
    public async Task A_deck_longer_than_the_limit_is_413_even_in_replace_mode_and_keeps_the_table()
    {
        await using var app = CreateApp();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        using var first = await ImportAsync(tenant.Client, table, Deck(Limit));

        using var tooLong = await ImportAsync(tenant.Client, table, Deck(Limit + 1, firstPrefix: 500), "replace");
        using var exactly = await ImportAsync(tenant.Client, table, Deck(Limit, firstPrefix: 500), "replace");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{Limit} rows", (await tooLong.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, exactly.StatusCode);
        Assert.Equal(Limit, await CountAsync(tenant.Client, table));
    }

    [Fact]
    public async Task Concurrent_creates_never_pass_the_limit()
    {
        await using var app = CreateApp();
        using var tenant = await app.CreateTenantAsync("t");
        var table = await tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CreateRateAsync(tenant.Client, table, $"{100 + i}")));

        Assert.Equal(Limit, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(Limit, await CountAsync(tenant.Client, table));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void A_limit_below_one_stops_the_start()
    {
        using var app = new TestApplication(new Dictionary<string, string?> { ["Softswitch:RateTables:MaxRatesPerTable"] = "0" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.True(failure.ToString().Contains("MaxRatesPerTable", StringComparison.Ordinal), failure.ToString());
    }

    private static TestApplication CreateApp() =>
        new(new Dictionary<string, string?> { ["Softswitch:RateTables:MaxRatesPerTable"] = Limit.ToString(CultureInfo.InvariantCulture) });

    private static string Deck(int rows, int firstPrefix = 100)
    {
        var deck = new StringBuilder("prefix,price_per_minute,effective_from\n");
        for (var i = 0; i < rows; i++)
        {
            deck.Append(CultureInfo.InvariantCulture, $"{firstPrefix + i},0.01,2026-01-01\n");
        }

        return deck.ToString();
    }

    private static Task<HttpResponseMessage> CreateRateAsync(HttpClient client, string table, string prefix) =>
        client.PostJsonAsync($"/v1/rate-tables/{table}/rates", new { prefix, price_per_minute = 0.01m, effective_from = "2026-01-01T00:00:00Z" });

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string table, string csv, string? mode = null) =>
        client.PostAsync(
            $"/v1/rate-tables/{table}/rates/import" + (mode is null ? "" : $"?mode={mode}"),
            new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<int> CountAsync(HttpClient client, string table)
    {
        using var response = await client.GetAsync($"/v1/rate-tables/{table}/rates?limit=500");
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["data"]!.AsArray().Count;
    }
}

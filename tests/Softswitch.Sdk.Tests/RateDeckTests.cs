using System.Net;
using System.Text;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The CSV rate-deck import and the longest-prefix rate lookup, against the real API.</summary>
public sealed class RateDeckTests
{
    private const string Deck = """
        prefix,price_per_minute,effective_from,description
        44,0.05,2026-01-01T00:00:00Z,UK
        447,0.10,2026-01-01T00:00:00Z,UK mobile
        4479,0.20,2027-01-01T00:00:00Z,UK mobile 2027
        """;

    private static readonly DateTimeOffset Spring2026 = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_imported_deck_prices_a_number_by_its_longest_prefix_in_effect()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Decks");
        using var client = app.Sdk(key);
        var table = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });

        var imported = await client.Rates.ImportAsync(table.Id, Deck);
        var mobile = await client.Rates.LookUpAsync(table.Id, "447911123456", Spring2026);
        var mobile2027 = await client.Rates.LookUpAsync(table.Id, "447911123456", Spring2026.AddYears(1));
        var landline = await client.Rates.LookUpAsync(table.Id, "442071234567", Spring2026);
        var unpriced = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Rates.LookUpAsync(table.Id, "33123456789", Spring2026));

        Assert.Equal((3, 0), (imported.Imported, imported.Replaced));
        Assert.Equal(("447", 0.10m, "UK mobile"), (mobile.Prefix, mobile.PricePerMinute, mobile.Description));
        Assert.Equal("4479", mobile2027.Prefix);
        Assert.Equal("44", landline.Prefix);
        Assert.Equal(HttpStatusCode.NotFound, unpriced.StatusCode);
    }

    [Fact]
    public async Task A_deck_streamed_in_replace_mode_swaps_the_tables_rates()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Replace");
        using var client = app.Sdk(key);
        var table = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });
        await client.Rates.ImportAsync(table.Id, Deck);
        using var replacement = new MemoryStream(Encoding.UTF8.GetBytes("prefix,price_per_minute,effective_from\n33,0.02,2026-01-01T00:00:00Z\n"));

        var replaced = await client.Rates.ImportAsync(table.Id, replacement, replace: true);
        var rates = await client.Rates.ListAsync(table.Id);

        Assert.Equal((1, 3), (replaced.Imported, replaced.Replaced));
        Assert.Equal("33", Assert.Single(rates.Data).Prefix);
        Assert.True(replacement.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task A_deck_with_a_bad_row_is_refused_whole_with_the_row_named()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Faults");
        using var client = app.Sdk(key);
        var table = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });

        var refused = await Assert.ThrowsAsync<SoftswitchApiException>(() =>
            client.Rates.ImportAsync(table.Id, "prefix,price_per_minute\n44,0.05\n4x,0.10\n"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["row 3"], refused.Errors.Keys);
        Assert.Empty((await client.Rates.ListAsync(table.Id)).Data);
    }

    [Fact]
    public async Task Another_tenants_rate_table_is_404_to_lookup_and_import()
    {
        await using var app = new SdkTestApplication();
        var (_, ownerKey) = await app.CreateTenantAsync("Owner");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var owner = app.Sdk(ownerKey);
        using var other = app.Sdk(otherKey);
        var table = await owner.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });
        await owner.Rates.ImportAsync(table.Id, Deck);

        var lookup = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.Rates.LookUpAsync(table.Id, "447911123456", Spring2026));
        var import = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.Rates.ImportAsync(table.Id, Deck, replace: true));

        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        Assert.Equal(3, (await owner.Rates.ListAsync(table.Id)).Data.Count);
    }
}

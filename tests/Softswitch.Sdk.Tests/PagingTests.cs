using System.Text;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Auto_paging_reads_1200_rows_once_each_in_order()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Paging");
        using var client = app.Sdk(key);
        var table = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Deck", Currency = "USD" });
        var deck = new StringBuilder("prefix,price_per_minute,effective_from\n");
        for (var i = 0; i < 1200; i++)
        {
            deck.Append(10000 + i).Append(",0.01,2026-01-01T00:00:00Z\n");
        }

        await client.Rates.ImportAsync(table.Id, deck.ToString());
        var pages = new CountingHandler();
        using var counted = app.Sdk(key, 2, pages);
        var rates = new List<Rate>();
        await foreach (var rate in counted.Rates.ListAutoPagingAsync(table.Id, new RateListOptions { Limit = 100 }))
        {
            rates.Add(rate);
        }

        Assert.Equal(1200, rates.Count);
        Assert.Equal(1200, rates.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rates.Select(r => r.Id).Order(StringComparer.Ordinal), rates.Select(r => r.Id));
        Assert.Equal(12, pages.Sends);
    }

    [Fact]
    public async Task Auto_paging_stops_when_the_reader_stops()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Partial");
        using var client = app.Sdk(key);
        for (var i = 0; i < 5; i++)
        {
            await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = $"T{i}", Currency = "USD" });
        }

        var pages = new CountingHandler();
        using var counted = app.Sdk(key, 2, pages);
        var firstThree = new List<RateTable>();
        await foreach (var table in counted.RateTables.ListAutoPagingAsync(new RateTableListOptions { Limit = 2 }))
        {
            firstThree.Add(table);
            if (firstThree.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(2, pages.Sends);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Sends { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sends++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using Softswitch.Domain;
using Softswitch.Switch.Billing;

namespace Softswitch.Switch.Tests.Billing;

public sealed class RateDeckTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_longest_prefix_with_a_rate_in_force_wins()
    {
        var deck = new RateDeck("ten_a", "rt_a", [Rate("44", 0.10m), Rate("447", 0.30m), Rate("4479", 0.50m, from: Now.AddDays(1))], 4);

        Assert.Equal(("447", 0.30m), Priced(deck.Find("447911123456", Now)));
        Assert.Equal(("44", 0.10m), Priced(deck.Find("442071234567", Now)));
        Assert.Null(deck.Find("33123456789", Now));
    }

    [Fact]
    public void A_future_deck_takes_over_at_its_instant()
    {
        var switchover = Now.AddHours(1);
        var deck = new RateDeck("ten_a", "rt_a", [Rate("44", 0.10m, to: switchover), Rate("44", 0.12m, from: switchover)], 4);

        Assert.Equal(0.10m, deck.Find("4420", switchover.AddTicks(-1))!.PricePerMinute);
        Assert.Equal(0.12m, deck.Find("4420", switchover)!.PricePerMinute);
    }

    [Fact]
    public void A_rate_table_is_found_only_for_its_own_tenant()
    {
        var book = new RateBook([new RateDeck("ten_a", "rt_a", [Rate("44", 0.10m)], 4)]);

        Assert.NotNull(book.Find("ten_a", "rt_a", "4420", Now));
        Assert.Null(book.Find("ten_b", "rt_a", "4420", Now));
    }

    private static (string, decimal) Priced(Domain.Billing.Tariff? tariff) => (tariff!.Prefix, tariff.PricePerMinute);

    private static Rate Rate(string prefix, decimal price, DateTime? from = null, DateTime? to = null) => new()
    {
        TenantId = "ten_a",
        RateTableId = "rt_a",
        Prefix = prefix,
        PricePerMinute = price,
        FirstIncrementSeconds = 1,
        NextIncrementSeconds = 1,
        EffectiveFrom = from ?? Now.AddYears(-1),
        EffectiveTo = to,
    };
}

using Softswitch.Domain.Billing;

namespace Softswitch.Switch.Tests.Billing;

public sealed class TariffTests
{
    [Theory]
    [InlineData(60, 60, 1, 60)]
    [InlineData(60, 60, 60, 60)]
    [InlineData(60, 60, 61, 120)]
    [InlineData(6, 6, 1, 6)]
    [InlineData(6, 6, 7, 12)]
    [InlineData(6, 6, 65, 66)]
    [InlineData(1, 1, 37, 37)]
    [InlineData(30, 6, 10, 30)]
    [InlineData(30, 6, 31, 36)]
    [InlineData(30, 6, 36, 36)]
    [InlineData(30, 6, 37, 42)]
    public void Billed_time_is_the_first_increment_then_whole_next_increments(int first, int next, int heldSeconds, int billed)
    {
        var tariff = new Tariff("44", 1.20m, first, next, 0m, 4);

        Assert.Equal(billed, tariff.BilledSeconds(TimeSpan.FromSeconds(heldSeconds)));
    }

    [Fact]
    public void Held_time_rounds_up_to_whole_seconds_and_an_unanswered_call_costs_nothing()
    {
        var tariff = new Tariff("44", 0.60m, 1, 1, 0.05m, 4);

        Assert.Equal(38, tariff.BilledSeconds(TimeSpan.FromSeconds(37.001)));
        Assert.Equal(0m, tariff.Charge(TimeSpan.Zero));
        Assert.Equal(0.05m + 0.38m, tariff.Charge(TimeSpan.FromSeconds(37.5)));
    }

    [Fact]
    public void The_connect_fee_is_added_once_to_an_answered_call()
    {
        var tariff = new Tariff("44", 6m, 60, 60, 0.25m, 4);

        Assert.Equal(6.25m, tariff.Charge(TimeSpan.FromSeconds(3)));
        Assert.Equal(12.25m, tariff.Charge(TimeSpan.FromSeconds(61)));
    }

    [Theory]
    [InlineData(4, 0.0034)]
    [InlineData(2, 0.01)]
    [InlineData(6, 0.003334)]
    public void Charges_round_up_at_the_stated_precision(int decimals, decimal expected)
    {
        // 1 s at 0.2 a minute is 0.00333…
        var tariff = new Tariff("1", 0.2m, 1, 1, 0m, decimals);

        Assert.Equal(expected, tariff.Charge(TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(60, 60, 1.00, 0)] // the first minute costs 1.20
    [InlineData(60, 60, 1.20, 60)]
    [InlineData(60, 60, 3.59, 120)]
    [InlineData(6, 6, 0.30, 12)]
    [InlineData(1, 1, 0.30, 15)]
    [InlineData(30, 6, 0.59, 0)]
    [InlineData(30, 6, 0.60, 30)]
    [InlineData(30, 6, 0.72, 36)]
    public void Affordable_time_is_the_longest_billed_time_the_money_pays_for(int first, int next, decimal funds, int seconds)
    {
        var tariff = new Tariff("44", 1.20m, first, next, 0m, 4);

        Assert.Equal(seconds, tariff.AffordableSeconds(funds));
        if (seconds > 0)
        {
            Assert.True(tariff.Price(seconds) <= funds);
            Assert.True(tariff.Price(seconds + next) > funds);
        }
    }

    [Fact]
    public void A_rate_free_per_minute_has_no_time_limit_once_the_connect_fee_is_paid()
    {
        var tariff = new Tariff("800", 0m, 1, 1, 0.10m, 4);

        Assert.Equal(0, tariff.AffordableSeconds(0.05m));
        Assert.Null(tariff.AffordableSeconds(0.10m));
    }
}

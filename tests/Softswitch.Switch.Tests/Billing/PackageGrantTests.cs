using Softswitch.Domain.Billing;
using Softswitch.Switch.Billing;

namespace Softswitch.Switch.Tests.Billing;

/// <summary>The stated rounding of package allowances: free seconds in the rate's increments, money at its precision.</summary>
public sealed class PackageGrantTests
{
    private static readonly DateTime Period = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Free_seconds_are_taken_in_whole_increments_and_what_does_not_fill_one_stays_in_the_pool()
    {
        var tariff = new Tariff("44", 0.60m, 30, 6, 0m, 4);
        var allowances = Allowances(Terms("sub_a", freeSeconds: 40));
        var call = allowances.Open("ten_a", "acc_a", "4420", Period, tariff)!;

        call.TakeSeconds(300);

        // 30 s first increment + one 6 s step = 36; the 4 s left fill no increment.
        Assert.Equal(36, call.FreeSeconds);
        Assert.Equal(4, allowances.Pool("sub_a")!.RemainingSeconds);
    }

    [Fact]
    public void A_pool_too_small_for_the_first_increment_is_passed_over_for_the_next()
    {
        var tariff = new Tariff("44", 0.60m, 30, 6, 0m, 4);
        var allowances = Allowances(Terms("sub_small", freeSeconds: 20, priority: 1), Terms("sub_big", freeSeconds: 60, priority: 2));
        var call = allowances.Open("ten_a", "acc_a", "4420", Period, tariff)!;

        call.TakeSeconds(42);

        Assert.Equal(42, call.FreeSeconds);
        Assert.Equal(["sub_big"], call.Grant.Shares.Select(s => s.SubscriptionId));
        Assert.Equal((20, 18), (allowances.Pool("sub_small")!.RemainingSeconds, allowances.Pool("sub_big")!.RemainingSeconds));

        // Later steps may come from a pool that could not give the first increment.
        call.TakeSeconds(12);
        Assert.Equal(54, call.FreeSeconds);
        Assert.Equal((8, 18), (allowances.Pool("sub_small")!.RemainingSeconds, allowances.Pool("sub_big")!.RemainingSeconds));
    }

    [Theory]
    [InlineData(50, 36, 0.28)]
    [InlineData(20, 30, 0.10)]
    [InlineData(0, 0, 0)]
    public void The_connect_fee_and_the_billed_time_past_the_free_seconds_are_money(int answeredSeconds, int packageSeconds, decimal money)
    {
        var tariff = new Tariff("44", 0.60m, 30, 6, 0.10m, 4);
        var grant = new PackageGrant([new PackageShare("sub_a", Period, 36, 0m)]);

        var split = grant.Split(tariff, TimeSpan.FromSeconds(answeredSeconds));

        Assert.Equal((packageSeconds, money, 0m), (split.PackageSeconds, split.Charge, split.PackageAmount));
    }

    [Fact]
    public void A_free_amount_pays_the_money_first_and_the_charge_is_the_rest_at_the_rates_precision()
    {
        var tariff = new Tariff("44", 0.0999m, 1, 1, 0m, 2);
        var grant = new PackageGrant([new PackageShare("sub_a", Period, 0, 0.05m), new PackageShare("sub_b", Period, 0, 0.05m)]);

        var split = grant.Split(tariff, TimeSpan.FromSeconds(61));

        // 61 s at 0.0999 a minute is 0.10156…, rounded up to 0.11: 0.10 from the two free amounts, 0.01 from the balance.
        Assert.Equal((0.10m, 0.01m), (split.PackageAmount, split.Charge));
        Assert.Equal([0.05m, 0.05m], grant.Consumed(split).Select(s => s.Amount));
    }

    [Fact]
    public void Concurrent_takes_never_together_pass_the_allowance()
    {
        var tariff = new Tariff("44", 0.60m, 1, 1, 0m, 4);
        var allowances = Allowances(Terms("sub_a", freeSeconds: 10_000));
        var taken = new int[8];

        Parallel.For(0, taken.Length, i =>
        {
            for (var call = 0; call < 1_000; call++)
            {
                var packages = allowances.Open("ten_a", "acc_a", "44", Period, tariff)!;
                packages.TakeSeconds(7);
                taken[i] += packages.FreeSeconds;
            }
        });

        Assert.Equal(10_000, taken.Sum());
        Assert.Equal(0, allowances.Pool("sub_a")!.RemainingSeconds);
    }

    [Fact]
    public void Another_tenants_account_of_the_same_id_finds_no_allowance()
    {
        var allowances = Allowances(Terms("sub_a", freeSeconds: 60));

        Assert.Null(allowances.Open("ten_b", "acc_a", "44", Period, new Tariff("44", 0.60m, 1, 1, 0m, 4)));
    }

    [Fact]
    public void A_new_period_starts_full_while_the_stored_usage_of_the_same_period_is_kept()
    {
        var allowances = Allowances(Terms("sub_a", freeSeconds: 60) with { UsedSeconds = 50, UsageVersion = 3 });
        Assert.Equal(10, allowances.Pool("sub_a")!.RemainingSeconds);

        allowances.Publish([Terms("sub_a", freeSeconds: 60) with { UsedSeconds = 40, UsageVersion = 2 }]);
        Assert.Equal(10, allowances.Pool("sub_a")!.RemainingSeconds);

        allowances.Publish([Terms("sub_a", freeSeconds: 60) with { PeriodStart = Period.AddMonths(1), PeriodEnd = Period.AddMonths(2) }]);
        Assert.Equal(60, allowances.Pool("sub_a")!.RemainingSeconds);
    }

    [Fact]
    public void The_grant_survives_the_spool_so_a_replayed_or_recovered_record_splits_the_same_way()
    {
        var record = Softswitch.Switch.Tests.Builders.Cdrs.Final(1) with
        {
            Rate = new Tariff("44", 0.60m, 1, 1, 0m, 4),
            Packages = new PackageGrant([new PackageShare("sub_a", Period, 30, 0m), new PackageShare("sub_b", Period, 0, 0.10m)]),
        };

        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record, Softswitch.Switch.Cdrs.SpoolJsonContext.Default.CallDetailRecord);
        var read = System.Text.Json.JsonSerializer.Deserialize(json, Softswitch.Switch.Cdrs.SpoolJsonContext.Default.CallDetailRecord)!;

        Assert.Equal((30, 0.10m, 0.20m), (read.PackageSeconds, read.PackageAmount, read.Charge));
        Assert.Equal(record.Packages.Shares, read.Packages!.Shares);
    }

    private static PackageAllowances Allowances(params AllowanceTerms[] terms)
    {
        var allowances = new PackageAllowances();
        allowances.Publish(terms);
        return allowances;
    }

    private static AllowanceTerms Terms(string subscription, int freeSeconds, int priority = 1) =>
        new("ten_a", "acc_a", subscription, priority, Period, Period.AddMonths(1), freeSeconds, [], 0m, 0, 0m, 0);
}

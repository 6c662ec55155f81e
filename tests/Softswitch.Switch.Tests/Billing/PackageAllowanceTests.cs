using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Billing;

/// <summary>
/// Package allowances consumed by rating through the running B2BUA on a fake clock: 0.60 a minute, per second, to 44,
/// free seconds first, then free amounts, then the balance.
/// </summary>
public sealed class PackageAllowanceTests
{
    private const string CustomerRates = "rt_customer";
    private const string Account = "acc_customer";

    [Fact]
    public async Task A_zero_balance_call_covered_by_free_seconds_is_admitted_and_cut_when_they_end()
    {
        var billing = Billing(Allowance("sub_a", freeSeconds: 60));
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        // Each probe waits for the call to handle what the last timer posted, so the clock never moves while the
        // call is arming its next timer.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(50));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(59.4));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(59.5));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "Credit limit reached");
        var cdr = Assert.Single(rig.Cdrs.Finals.Items);
        Assert.Equal((0m, 60, 0m, 60), (cdr.Charge, cdr.PackageSeconds, cdr.PackageAmount, cdr.Rate!.BilledSeconds(cdr.Duration)));
        Assert.Equal(0, billing.Packages.Pool("sub_a")!.RemainingSeconds);
    }

    [Fact]
    public async Task A_call_that_uses_up_its_free_seconds_goes_on_on_money_and_is_cut_when_both_end()
    {
        var billing = Billing(Allowance("sub_a", freeSeconds: 30));
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0.30m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        // 30 free seconds and 0.30 for 30 more: the call asks for more at 50 s, gets none, and is cut at 59.5 s.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(45));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(50));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(59.4));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(59.5));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "Credit limit reached");
        var cdr = Assert.Single(rig.Cdrs.Finals.Items);
        Assert.Equal((0.30m, 30, 60), (cdr.Charge, cdr.PackageSeconds, cdr.Rate!.BilledSeconds(cdr.Duration)));
        Assert.Equal(0m, billing.Budgets.Available(Account));
    }

    [Fact]
    public async Task Allowances_are_used_in_priority_order_and_the_charge_is_only_the_rest()
    {
        var billing = Billing(Allowance("sub_later", freeSeconds: 100, priority: 2), Allowance("sub_first", freeSeconds: 20, priority: 1));
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 10m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(150));
        await rig.HangUpAsync(caller);

        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the CDR");
        Assert.Equal((120, 0.30m), (cdr.PackageSeconds, cdr.Charge));
        var used = cdr.Packages!.Consumed(cdr.PackageSplit!.Value).Select(s => (s.SubscriptionId, s.Seconds));
        Assert.Equal([("sub_first", 20), ("sub_later", 100)], used);
        Assert.Equal((0, 0), (billing.Packages.Pool("sub_first")!.RemainingSeconds, billing.Packages.Pool("sub_later")!.RemainingSeconds));
        Assert.Equal(9.70m, billing.Budgets.Available(Account));
    }

    [Fact]
    public async Task Free_seconds_for_a_prefix_set_cover_only_callees_in_it()
    {
        var billing = Billing(Allowance("sub_france", freeSeconds: 100, prefixes: ["33"], priority: 1), Allowance("sub_uk", freeSeconds: 10, prefixes: ["4420"], priority: 2));
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 10m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(30));
        await rig.HangUpAsync(caller);

        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the CDR");
        Assert.Equal((10, 0.20m), (cdr.PackageSeconds, cdr.Charge));
        Assert.Equal(100, billing.Packages.Pool("sub_france")!.RemainingSeconds);
    }

    [Fact]
    public async Task A_free_amount_pays_before_the_balance()
    {
        var billing = Billing(Allowance("sub_money", freeAmount: 0.25m));
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 1m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(40));
        await rig.HangUpAsync(caller);

        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the CDR");
        Assert.Equal((0, 0.25m, 0.15m), (cdr.PackageSeconds, cdr.PackageAmount, cdr.Charge));
        Assert.Equal(0m, billing.Packages.Pool("sub_money")!.RemainingAmount);
        Assert.Equal(0.85m, billing.Budgets.Available(Account));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_allowance_and_an_ended_call_gives_back_what_it_did_not_use()
    {
        var billing = Billing([Allowance("sub_a", freeSeconds: 60)], new BillingOptions { ReservationSlice = TimeSpan.FromSeconds(30) });
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0m), billing: billing);
        var (first, _) = await rig.ConnectAsync();
        var (second, _) = await rig.ConnectAsync();

        var third = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);
        Assert.Equal(402, third.StatusCode);

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(10));
        await rig.HangUpAsync(first);
        await rig.Cdrs.Finals.WaitAsync(c => c.RefusedBy is null, "the first call's CDR");
        Assert.Equal(20, billing.Packages.Pool("sub_a")!.RemainingSeconds);

        // The second call asks for its next slice at 20 s and gets the 20 seconds the first gave back, asks again at
        // 40 s and gets none, then is cut. Each probe waits for the call to arm its next timer before time moves on.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(20));
        Assert.Equal(200, await rig.ProbeAsync(second));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(40));
        Assert.Equal(200, await rig.ProbeAsync(second));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(49.5));
        var bye = await rig.Caller.Requests.WaitAsync(r => r.Method == SipMethods.Bye, "the switch's BYE to the second caller");
        Assert.Contains("Credit limit reached", bye.Headers["Reason"], StringComparison.Ordinal);
        await rig.Cdrs.Finals.WaitAsync(c => c.RefusedBy is null, "both answered calls' CDRs", 2);
        var cdrs = rig.Cdrs.Finals.Items.Where(c => c.RefusedBy is null).ToList();
        Assert.Equal([10, 50], cdrs.Select(c => c.PackageSeconds).Order());
        Assert.All(cdrs, c => Assert.Equal(0m, c.Charge));
        Assert.Equal(0, billing.Packages.Pool("sub_a")!.RemainingSeconds);
    }

    [Fact]
    public async Task An_allowance_whose_period_has_not_started_or_has_ended_is_not_used()
    {
        var past = Allowance("sub_past", freeSeconds: 60) with { PeriodEnd = DateTime.UnixEpoch.AddDays(1) };
        var billing = Billing(past);
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0m), billing: billing);

        var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(402, refused.StatusCode);
        Assert.Equal(60, billing.Packages.Pool("sub_past")!.RemainingSeconds);
    }

    internal static AllowanceTerms Allowance(string subscription, int freeSeconds = 0, decimal freeAmount = 0m, int priority = 1, string[]? prefixes = null) =>
        new(LoopbackTrunks.Tenant, Account, subscription, priority, DateTime.UnixEpoch, new DateTime(2100, 1, 1), freeSeconds, prefixes ?? [], freeAmount, 0, 0m, 0);

    private static SwitchBilling Billing(params AllowanceTerms[] allowances) => Billing(allowances, new BillingOptions());

    private static SwitchBilling Billing(AllowanceTerms[] allowances, BillingOptions options)
    {
        var rates = new RateBookSource();
        rates.Publish(new RateBook([new RateDeck(LoopbackTrunks.Tenant, CustomerRates, [Rate()], 4)]));
        var billing = new SwitchBilling(rates, new AccountBudgets(), options);
        billing.Packages.Publish(allowances);
        return billing;
    }

    private static Rate Rate() => new()
    {
        TenantId = LoopbackTrunks.Tenant,
        RateTableId = CustomerRates,
        Prefix = "44",
        PricePerMinute = 0.60m,
        FirstIncrementSeconds = 1,
        NextIncrementSeconds = 1,
        EffectiveFrom = DateTime.UnixEpoch,
    };

    private static SwitchConfigSnapshot Snapshot(int vendorPort, decimal balance)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, Account)
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, Account, LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Build();
        var customer = rows.Accounts.Single(a => a.Id == Account);
        customer.Balance = balance;
        customer.RateTableId = CustomerRates;
        var gateway = rows.RoutingGateways.Single();
        gateway.Host = "127.0.0.1";
        gateway.Port = vendorPort;
        return SwitchConfigSnapshot.Create(1, rows);
    }
}

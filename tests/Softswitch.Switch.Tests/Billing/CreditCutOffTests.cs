using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;
using Softswitch.Switch.Tests.Calls;

namespace Softswitch.Switch.Tests.Billing;

/// <summary>Rating and anti-overdraft through the running B2BUA on a fake clock: 0.60 a minute, per second, to 44.</summary>
public sealed class CreditCutOffTests
{
    private const string CustomerRates = "rt_customer";
    private const string VendorRates = "rt_vendor";

    [Fact]
    public async Task An_answered_call_is_cut_when_its_account_can_pay_no_more_and_is_charged_what_it_could_afford()
    {
        var billing = Billing();
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0.30m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        // 0.30 pays for 30 s; at 20 s the call asks for more and there is none, so it is cut half a second early.
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(20));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(29.4));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(29.5));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "Credit limit reached");
        var cdr = Assert.Single(rig.Cdrs.Finals.Items);
        Assert.Equal((0.30m, 0.15m, "44", 30), (cdr.Charge, cdr.Cost, cdr.Rate!.Prefix, cdr.Rate.BilledSeconds(cdr.Duration)));
        Assert.Equal(0m, billing.Budgets.Available("acc_customer"));
    }

    [Fact]
    public async Task Calls_of_one_account_share_its_money_and_an_ended_call_gives_back_what_it_did_not_spend()
    {
        var billing = Billing();
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0.30m), billing: billing);
        var (first, _) = await rig.ConnectAsync();

        var second = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);
        Assert.Equal(402, second.StatusCode);
        Assert.Equal("Q.850;cause=21;text=\"Insufficient balance\"", second.Headers[ReasonHeader.Name]);

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(10));
        await rig.HangUpAsync(first);
        await rig.Cdrs.Finals.WaitAsync(c => c.RefusedBy is null, "the first call's CDR");
        Assert.Equal(0.20m, billing.Budgets.Available("acc_customer"));
        var (third, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(third);
        await rig.Cdrs.Finals.WaitAsync(c => c.RefusedBy is null, "both answered calls' CDRs", 2);
        Assert.Equal((0, 0L), (rig.B2bua.DialogCount, rig.B2bua.Counters.ActiveCalls));
        Assert.Equal(0.20m, billing.Budgets.Available("acc_customer"));
    }

    [Fact]
    public async Task A_call_asks_for_the_next_slice_before_its_reservation_runs_out()
    {
        var billing = Billing(new BillingOptions { ReservationSlice = TimeSpan.FromSeconds(60) });
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 10m), billing: billing);
        var (caller, _) = await rig.ConnectAsync();
        Assert.Equal(9.40m, billing.Budgets.Available("acc_customer"));

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(50));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        Assert.Equal(8.80m, billing.Budgets.Available("acc_customer"));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(70));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        await rig.HangUpAsync(caller);

        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the CDR");
        Assert.Equal(0.70m, cdr.Charge);
        Assert.Equal(9.30m, billing.Budgets.Available("acc_customer"));
    }

    [Fact]
    public async Task An_account_that_cannot_pay_the_first_increment_is_refused_with_the_tenants_chosen_answer()
    {
        var policy = new RefusalPolicy { Rule = RefusalRules.AntiOverdraft, Mode = RefusalMode.Enforce, StatusCode = 403, ReasonText = "Out of credit" };
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0.005m, policy), billing: Billing());

        var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(403, refused.StatusCode);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the refusal's CDR");
        Assert.Equal((RefusalRules.AntiOverdraft, 403), (cdr.RefusedBy, cdr.FinalCode));
        Assert.Equal(0, rig.Vendor.Requests.Count(r => r.Method == SipMethods.Invite));
    }

    [Fact]
    public async Task A_call_a_monitor_only_policy_lets_through_without_credit_is_not_cut_and_is_still_charged()
    {
        var policy = new RefusalPolicy { Rule = RefusalRules.AntiOverdraft, Mode = RefusalMode.Monitor };
        var billing = Billing();
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 0m, policy), billing: billing);
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(90));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        await rig.HangUpAsync(caller);

        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the CDR");
        Assert.Equal((0.90m, (string?)null), (cdr.Charge, cdr.RefusedBy));
        Assert.Equal(-0.90m, billing.Budgets.Available("acc_customer"));
    }

    [Fact]
    public async Task A_destination_the_rate_table_does_not_price_is_refused()
    {
        await using var rig = new B2buaFixture(port => Snapshot(port, balance: 10m), billing: Billing(calleePrefix: "33"));

        var refused = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(403, refused.StatusCode);
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "the refusal's CDR");
        Assert.Equal(RefusalRules.NoRate, cdr.RefusedBy);
    }

    private static SwitchBilling Billing(BillingOptions? options = null, string calleePrefix = "44")
    {
        var rates = new RateBookSource();
        rates.Publish(new RateBook(
        [
            new RateDeck(LoopbackTrunks.Tenant, CustomerRates, [Rate(CustomerRates, calleePrefix, 0.60m)], 4),
            new RateDeck(LoopbackTrunks.Tenant, VendorRates, [Rate(VendorRates, "44", 0.30m)], 4),
        ]));
        return new SwitchBilling(rates, new AccountBudgets(), options ?? new BillingOptions());
    }

    private static Rate Rate(string table, string prefix, decimal price) => new()
    {
        TenantId = LoopbackTrunks.Tenant,
        RateTableId = table,
        Prefix = prefix,
        PricePerMinute = price,
        FirstIncrementSeconds = 1,
        NextIncrementSeconds = 1,
        EffectiveFrom = DateTime.UnixEpoch,
    };

    private static SwitchConfigSnapshot Snapshot(int vendorPort, decimal balance, RefusalPolicy? policy = null)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, "acc_customer")
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, "acc_customer", LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Build();
        var customer = rows.Accounts.Single(a => a.Id == "acc_customer");
        customer.Balance = balance;
        customer.RateTableId = CustomerRates;
        rows.Accounts.Single(a => a.Id == "acc_vendor").RateTableId = VendorRates;
        rows.Tenants.Single(t => t.Id == LoopbackTrunks.Tenant).RefusalPolicies = policy is null ? [] : [policy];
        var gateway = rows.RoutingGateways.Single();
        gateway.Host = "127.0.0.1";
        gateway.Port = vendorPort;
        return SwitchConfigSnapshot.Create(1, rows);
    }
}

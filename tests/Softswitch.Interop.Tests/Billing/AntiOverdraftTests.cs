using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Billing;

namespace Softswitch.Interop.Tests.Billing;

/// <summary>
/// Issue 9 §2 through a running switch with SIPp peers: calls to 44 cost 6.00 a minute, billed per second (0.10 a
/// second), against a small balance and no credit. Calls reserve two seconds at a time, so concurrent calls compete for
/// the same money.
/// </summary>
public sealed class AntiOverdraftTests : SwitchCallTest
{
    private const decimal PerSecond = 0.10m;

    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Billing:ReservationSlice"] = "00:00:02",
        ["Softswitch:Billing:RenewalLead"] = "00:00:01",
    };

    [Fact]
    public async Task A_single_call_is_cut_within_a_second_of_what_its_balance_pays_for()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerLong);
        await RatedCustomerAsync(await ProvisionAsync(new VendorTrunk(vendor.SipPort)), balance: 0.50m);

        var caller = await CallAsync(Caller(SippScenario.UacCallWaitBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Contains("Credit limit reached", caller.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        // 0.50 pays for 5 s; the cut lands half a second before, never after.
        Assert.InRange(cdr["duration_milliseconds"]!.GetValue<long>(), 4_000, 5_000);
        Assert.InRange(cdr["charge"]!.GetValue<decimal>(), 0.40m, 0.50m);
        await AssertNothingLeftAsync();
    }

    [Theory]
    [InlineData(2, 1.00)]
    [InlineData(10, 3.00)]
    public async Task Concurrent_calls_of_one_account_never_spend_past_its_balance(int calls, double balance)
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerLong, calls: calls);
        var customer = await RatedCustomerAsync(await ProvisionAsync(new VendorTrunk(vendor.SipPort)), (decimal)balance);

        var caller = await CallAsync(Caller(SippScenario.UacCallWaitBye) with { Calls = calls, CallsPerSecond = 50, Timeout = TimeSpan.FromSeconds(30) });

        var cdrs = await Host.WaitForCdrsAsync(Tenant.Client, calls);
        var answered = cdrs.Where(c => c["final_code"]!.GetValue<int>() == 200).ToList();
        var spent = answered.Sum(c => c["charge"]!.GetValue<decimal>());
        Assert.True(spent <= (decimal)balance, $"{answered.Count} calls spent {spent} of {balance}: {caller}");
        Assert.True(spent >= (decimal)balance - (calls * 2 * PerSecond), $"{answered.Count} calls spent only {spent} of {balance}");
        Assert.All(cdrs.Except(answered), c => Assert.Equal("anti-overdraft", c["refusal_rule"]?.GetValue<string>()));
        await AssertNothingLeftAsync();
        var account = await WaitForBalanceAsync(customer, (decimal)balance - spent);
        Assert.True(account >= 0m, $"balance {account}");
    }

    [Fact]
    public async Task An_account_without_credit_is_refused_with_the_tenants_configured_code()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        await RatedCustomerAsync(await ProvisionAsync(new VendorTrunk(vendor.SipPort)), balance: 0m);
        (await Tenant.Client.PutJsonAsync("/v1/refusal-policies/anti-overdraft", new { mode = "enforce", status_code = 403, reason_text = "Out of credit" })).EnsureSuccessStatusCode();
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].RefusalPolicies.Count > 0, TimeSpan.FromSeconds(2));

        var refused = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403 });

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        Assert.Contains("Out of credit", refused.Messages, StringComparison.Ordinal);
        Assert.Equal("anti-overdraft", (await SingleCdrAsync())["refusal_rule"]!.GetValue<string>());
        Assert.Equal(0, (await vendor.StopAsync()).Calls.Created);
    }

    /// <summary>Gives the customer a per-second rate table, no credit and <paramref name="balance"/>; waits until the switch has all three.</summary>
    private async Task<string> RatedCustomerAsync(ProvisionedTenant provisioned, decimal balance)
    {
        var table = await Tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await Tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", new
        {
            prefix = "44", price_per_minute = PerSecond * 60, first_increment_seconds = 1, next_increment_seconds = 1, connect_fee = 0m,
            effective_from = "2026-01-01T00:00:00Z",
        });
        var customer = provisioned.CustomerAccountId;
        (await Tenant.Client.PutJsonAsync($"/v1/accounts/{customer}", new { name = "Customer", credit_limit = 0m, status = "active", rate_table_id = table })).EnsureSuccessStatusCode();
        if (balance > 0)
        {
            await Tenant.Client.CreateAsync($"/v1/accounts/{customer}/transactions", new { kind = "top_up", amount = balance });
        }

        await Host.WaitForAsync(
            s => s.Tenants[Tenant.Id].Accounts.TryGetValue(customer, out var a) && a.RateTableId == table && a.AvailableFunds == balance,
            TimeSpan.FromSeconds(2));
        var rates = Host.Application.Services.GetRequiredService<RateBookSource>();
        var waited = Stopwatch.StartNew();
        while (rates.Current.Find(Tenant.Id, table, "4420123456", DateTime.UtcNow) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), "the switch did not read the rate within 2 s");
            await Task.Delay(50);
        }

        return customer;
    }

    /// <summary>The balance the API reports once the switch has posted the calls' charges (bounded wait).</summary>
    private async Task<decimal> WaitForBalanceAsync(string account, decimal expected)
    {
        decimal balance = 0;
        for (var i = 0; i < 50; i++)
        {
            balance = (await (await Tenant.Client.GetAsync($"/v1/accounts/{account}")).ReadObjectAsync())["balance"]!.GetValue<decimal>();
            if (balance == expected)
            {
                return balance;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"balance {balance}, expected {expected}");
        return balance;
    }
}

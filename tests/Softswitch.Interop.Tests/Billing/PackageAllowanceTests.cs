using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Billing;

namespace Softswitch.Interop.Tests.Billing;

/// <summary>
/// Issue 9 §3 through a running switch with SIPp peers: a customer with no money and a package of 10 free seconds
/// calls 44 at 6.00 a minute, billed per second.
/// </summary>
public sealed class PackageAllowanceTests : SwitchCallTest
{
    [Fact]
    public async Task A_zero_balance_call_on_free_seconds_is_cut_when_they_run_out_and_its_cdr_shows_them()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswerLong);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var customer = provisioned.CustomerAccountId;
        var subscription = await RatedCustomerWithFreeSecondsAsync(customer, freeSeconds: 10);

        var caller = await CallAsync(Caller(SippScenario.UacCallWaitBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Contains("Credit limit reached", caller.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        // 10 free seconds; the cut lands half a second before they end, never after.
        Assert.InRange(cdr["duration_milliseconds"]!.GetValue<long>(), 9_000, 10_000);
        Assert.Equal((10, 0m, 0m), (cdr["package_seconds"]!.GetValue<int>(), cdr["package_amount"]!.GetValue<decimal>(), cdr["charge"]!.GetValue<decimal>()));
        await AssertNothingLeftAsync();
        Assert.Equal(10L, await WaitForUsedSecondsAsync(customer, subscription, 10));
    }

    /// <summary>
    /// Gives the customer a per-second rate table, no credit and a subscription to a package of
    /// <paramref name="freeSeconds"/>; waits until the switch has all of it. Returns the subscription's id.
    /// </summary>
    private async Task<string> RatedCustomerWithFreeSecondsAsync(string customer, int freeSeconds)
    {
        var table = await Tenant.Client.CreateAsync("/v1/rate-tables", new { name = "Retail", currency = "USD" });
        await Tenant.Client.CreateAsync($"/v1/rate-tables/{table}/rates", new
        {
            prefix = "44", price_per_minute = 6.00m, first_increment_seconds = 1, next_increment_seconds = 1, connect_fee = 0m,
            effective_from = "2026-01-01T00:00:00Z",
        });
        (await Tenant.Client.PutJsonAsync($"/v1/accounts/{customer}", new { name = "Customer", credit_limit = 0m, status = "active", rate_table_id = table })).EnsureSuccessStatusCode();
        var currency = (await (await Tenant.Client.GetAsync($"/v1/accounts/{customer}")).ReadObjectAsync())["currency"]!.GetValue<string>();
        var package = await Tenant.Client.CreateAsync("/v1/packages", new
        {
            name = "Ten free seconds", currency, priority = 1, monthly_rent = 0m, free_seconds = freeSeconds, effective_from = "2026-01-01T00:00:00Z",
        });
        var subscription = await Tenant.Client.CreateAsync($"/v1/accounts/{customer}/subscriptions", new { package_id = package });

        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].Accounts.TryGetValue(customer, out var a) && a.RateTableId == table, TimeSpan.FromSeconds(2));
        var rates = Host.Application.Services.GetRequiredService<RateBookSource>();
        var allowances = Host.Application.Services.GetRequiredService<PackageAllowances>();
        var waited = Stopwatch.StartNew();
        while (rates.Current.Find(Tenant.Id, table, "4420123456", DateTime.UtcNow) is null || allowances.Pool(subscription) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), "the switch did not read the rate and the subscription within 2 s");
            await Task.Delay(50);
        }

        return subscription;
    }

    /// <summary>The subscription's used seconds as the API reports them once the CDR is stored (bounded wait).</summary>
    private async Task<long> WaitForUsedSecondsAsync(string account, string subscription, long expected)
    {
        long used = 0;
        for (var i = 0; i < 50; i++)
        {
            used = (await (await Tenant.Client.GetAsync($"/v1/accounts/{account}/subscriptions/{subscription}")).ReadObjectAsync())["used_seconds"]!.GetValue<long>();
            if (used == expected)
            {
                return used;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"used_seconds {used}, expected {expected}");
        return used;
    }
}

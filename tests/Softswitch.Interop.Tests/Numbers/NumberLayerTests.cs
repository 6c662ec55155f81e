using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PhoneNumbers;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Numbers;

namespace Softswitch.Interop.Tests.Numbers;

/// <summary>
/// Issue 8 §3 through a running switch with SIPp peers: black and white lists on the customer trunk and on a vendor,
/// and a number class (premium rate) refused by the account, each set through the API and in force within 2 seconds.
/// </summary>
public sealed class NumberLayerTests : SwitchCallTest
{
    private const string ListedCaller = "15550001111";
    private const string ListedCallee = "4420123456";

    [Fact]
    public async Task A_black_list_refuses_the_listed_caller_and_a_white_list_admits_the_listed_callee()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        var black = await ListAsync("Stolen CLIs", "black", "caller", ListedCaller);
        var white = await ListAsync("Allowed destinations", "white", "callee", ListedCallee);

        var changed = await ScreenTrunkAsync(provisioned, black);
        var refused = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403 });
        var refusedAfter = changed.Elapsed;
        await ScreenTrunkAsync(provisioned, white);
        var admitted = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        Assert.True(refusedAfter < TimeSpan.FromSeconds(2), $"the list took {refusedAfter.TotalMilliseconds} ms");
        Assert.Contains("Caller refused by number list", refused.Messages, StringComparison.Ordinal);
        Assert.True(admitted.AllCallsSucceeded, admitted.ToString());
        Assert.Equal(1, (await vendor.WaitForExitAsync()).Calls.Successful);
        Assert.Equal(1, Host.Switch.B2bua.Admission.Counters.Single(c => c.Stage == "number-lists").Rejected);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_vendor_whose_black_list_holds_the_callee_is_skipped_and_the_next_answers()
    {
        var skipped = await VendorAsync(SippScenario.UasAnswer);
        var next = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(skipped.SipPort), new VendorTrunk(next.SipPort));
        var black = await ListAsync("Not via vendor 1", "black", "callee", ListedCallee);
        var vendor = provisioned.RoutingGatewayIds[0];
        var current = await (await Tenant.Client.GetAsync($"/v1/routing-gateways/{vendor}")).ReadObjectAsync();
        using (var screened = await Tenant.Client.PutJsonAsync($"/v1/routing-gateways/{vendor}", new
        {
            account_id = current["account_id"]!.GetValue<string>(), name = "vendor-1", host = "127.0.0.1", port = skipped.SipPort, priority = 1,
            number_screening = new { number_list_ids = new[] { black } },
        }))
        {
            Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync());
        }

        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].RoutingGateways[vendor].Screening.HasLists, TimeSpan.FromSeconds(2));
        await WaitForListAsync(black);
        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.Equal(0, (await skipped.StopAsync()).Calls.Created);
        Assert.Equal(1, (await next.WaitForExitAsync()).Calls.Successful);
        Assert.Equal(provisioned.RoutingGatewayIds[1], (await SingleCdrAsync())["routing_gateway_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_that_blocks_premium_gets_403_for_a_premium_number_and_reaches_others()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using (var blocked = await Tenant.Client.PutJsonAsync($"/v1/accounts/{provisioned.CustomerAccountId}", new
        {
            name = "Customer", credit_limit = 100m, status = "active", block_premium = true,
        }))
        {
            Assert.True(blocked.IsSuccessStatusCode, await blocked.Content.ReadAsStringAsync());
        }

        await Host.WaitForAsync(s => !s.Tenants[Tenant.Id].Accounts[provisioned.CustomerAccountId].Destinations.IsEmpty, TimeSpan.FromSeconds(2));
        var util = PhoneNumberUtil.GetInstance();
        var premium = util.Format(util.GetExampleNumberForType("GB", PhoneNumberType.PREMIUM_RATE), PhoneNumberFormat.E164)[1..];
        var refused = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403, Callee = premium });
        var admitted = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        Assert.Contains("number class forbidden: premium-rate", refused.Messages, StringComparison.Ordinal);
        Assert.True(admitted.AllCallsSucceeded, admitted.ToString());
        Assert.Equal(1, (await vendor.WaitForExitAsync()).Calls.Successful);
    }

    private async Task<string> ListAsync(string name, string kind, string match, string number)
    {
        var list = await Tenant.Client.CreateAsync("/v1/number-lists", new { name, kind, match });
        using var added = await Tenant.Client.PostJsonAsync($"/v1/number-lists/{list}/numbers", new { numbers = new[] { number } });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        return list;
    }

    /// <summary>Assigns one list to the customer trunk; waits until the switch has both the assignment and the list.</summary>
    private async Task<Stopwatch> ScreenTrunkAsync(ProvisionedTenant provisioned, string list)
    {
        using (var screened = await Tenant.Client.PutJsonAsync($"/v1/mapping-gateways/{provisioned.MappingGatewayId}", new
        {
            account_id = provisioned.CustomerAccountId, name = "sipp-uac", source_addresses = new[] { "127.0.0.1/32" },
            number_screening = new { number_list_ids = new[] { list } },
        }))
        {
            Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync());
        }

        var changed = Stopwatch.StartNew();
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].MappingGateways[provisioned.MappingGatewayId].Screening.NumberListIds.Contains(list), TimeSpan.FromSeconds(2));
        await WaitForListAsync(list);
        return changed;
    }

    private async Task WaitForListAsync(string list)
    {
        var plans = Host.Application.Services.GetRequiredService<NumberPlanSource>();
        for (var i = 0; i < 40 && plans.Current.For(Tenant.Id)?.Lists.ContainsKey(list) != true; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(plans.Current.For(Tenant.Id)?.Lists.ContainsKey(list), $"list {list} did not reach the switch within 2 s");
    }
}

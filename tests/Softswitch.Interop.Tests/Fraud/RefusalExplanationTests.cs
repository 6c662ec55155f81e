using System.Net;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// Issue 8 §6 end to end: SIPp's call refused by a tenant's rule is found through the API as a CDR and a security
/// event naming the rule; switched to monitor-only through the API, the same call goes through and is recorded as
/// "would refuse".
/// </summary>
public sealed class RefusalExplanationTests : SwitchCallTest
{
    [Fact]
    public async Task A_refusal_is_explained_by_one_api_call_and_monitor_only_lets_the_call_through()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        using var bound = await Tenant.Client.PutJsonAsync($"/v1/accounts/{provisioned.CustomerAccountId}", new
        {
            name = "Customer", credit_limit = 100m, status = "active", access_ips = new[] { "203.0.113.1" },
        });
        bound.EnsureSuccessStatusCode();
        await Host.WaitForAsync(s => !s.Tenants[Tenant.Id].Accounts[provisioned.CustomerAccountId].Admits(IPAddress.Loopback), TimeSpan.FromSeconds(2));

        var refused = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 403 });

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal(("account-access-ip", 403), (cdr["refusal_rule"]!.GetValue<string>(), cdr["final_code"]!.GetValue<int>()));
        var why = await WaitForEventAsync("refuse");
        Assert.Equal(
            ("account-access-ip", cdr["id"]!.GetValue<string>(), "4420123456", provisioned.MappingGatewayId),
            (why["rule"]!.GetValue<string>(), why["cdr_id"]!.GetValue<string>(), why["callee"]!.GetValue<string>(), why["mapping_gateway_id"]!.GetValue<string>()));

        using var watch = await Tenant.Client.PutJsonAsync("/v1/refusal-policies/account-access-ip", new { mode = "monitor" });
        watch.EnsureSuccessStatusCode();
        await Host.WaitForAsync(s => s.Tenants[Tenant.Id].RefusalPolicies.ContainsKey("account-access-ip"), TimeSpan.FromSeconds(2));

        var admitted = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(admitted.AllCallsSucceeded, admitted.ToString());
        var watched = await WaitForEventAsync("monitor");
        var answered = (await Host.WaitForCdrsAsync(Tenant.Client, 2)).Single(c => c["final_code"]!.GetValue<int>() == 200);
        Assert.Equal(answered["id"]!.GetValue<string>(), watched["cdr_id"]!.GetValue<string>());
        Assert.Null(answered["refusal_rule"]);
        await AssertNothingLeftAsync();
    }

    /// <summary>The tenant's one security event of <paramref name="action"/>, once the switch's writer has stored it (bounded wait).</summary>
    private async Task<JsonObject> WaitForEventAsync(string action)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await Tenant.Client.GetAsync($"/v1/security-events?action={action}");
            response.EnsureSuccessStatusCode();
            var events = (await response.ReadObjectAsync())["data"]!.AsArray();
            if (events.Count > 0)
            {
                return Assert.Single(events)!.AsObject();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {action} security event within 5 s.");
    }
}

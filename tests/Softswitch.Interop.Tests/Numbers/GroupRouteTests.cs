using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Config;

namespace Softswitch.Interop.Tests.Numbers;

/// <summary>Issue 8 §3 through a running switch with SIPp peers: a route that matches callees by a number group's prefixes.</summary>
public sealed class GroupRouteTests : SwitchCallTest
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_call_to_a_number_in_a_routed_group_goes_to_the_group_route_s_vendor_and_a_group_edit_moves_it_back()
    {
        var ordinary = await VendorAsync(SippScenario.UasAnswer, lifetime: TimeSpan.FromSeconds(40));
        var premium = await VendorAsync(SippScenario.UasAnswer, lifetime: TimeSpan.FromSeconds(40));
        var provisioned = await ProvisionAsync(new VendorTrunk(ordinary.SipPort));
        var vendorAccount = await Tenant.Client.CreateAsync("/v1/accounts", new { name = "Premium vendor", kind = "vendor", currency = "USD" });
        var premiumGateway = await Tenant.Client.CreateAsync("/v1/routing-gateways", new
        {
            account_id = vendorAccount, name = "premium", host = "127.0.0.1", port = premium.SipPort,
        });
        var group = await Tenant.Client.CreateAsync("/v1/number-groups", new { name = "Premium UK", prefixes = new[] { "4490", "4420" } });
        await Tenant.Client.CreateAsync("/v1/routes", new { name = "Premium", prefix = "", callee_group_id = group, routing_gateway_ids = new[] { premiumGateway } });
        await Host.WaitForAsync(s => s.FindRoute(Tenant.Id, "4420123456")?.CalleeGroupId == group, Promise);

        var routed = await CallAsync(Caller(SippScenario.UacCallBye) with { Callee = "4420123456" });
        var cdr = await SingleCdrAsync();

        Assert.True(routed.AllCallsSucceeded, routed.ToString());
        Assert.Equal(premiumGateway, cdr["routing_gateway_id"]!.GetValue<string>());

        using var edited = await Tenant.Client.PutJsonAsync($"/v1/number-groups/{group}", new { name = "Premium UK", prefixes = new[] { "4490" } });
        edited.EnsureSuccessStatusCode();
        await Host.WaitForAsync(
            s => s.FindRoute(Tenant.Id, "4420123456") is { CalleeGroupId: null } route && route.Gateways.Select(g => g.Id).SequenceEqual(provisioned.RoutingGatewayIds),
            Promise);
        Assert.Equal(group, Host.Application.Services.GetRequiredService<ISwitchConfigSource>().Current.FindRoute(Tenant.Id, "449012345")?.CalleeGroupId);
    }
}

using System.Diagnostics;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// OPTIONS health of vendors: a vendor that stopped is pinged from the switch's socket, marked down (the API shows
/// it), and skipped by routing, so a call goes to the live vendor at once instead of waiting for the dead one.
/// </summary>
public sealed class GatewayHealthTests : SwitchCallTest
{
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Health:DownAfterTimeouts"] = "2",
    };

    [Fact]
    public async Task A_stopped_vendor_is_marked_down_and_the_call_goes_to_the_live_one_at_once()
    {
        // The stopped vendor is reached over TCP: its closed port refuses the connection, the ping's transaction
        // fails at once, and the test does not wait for Timer F.
        var stopped = await VendorAsync(SippScenario.UasAnswer, SippTransport.Tcp);
        await stopped.StopAsync();
        var live = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(
            new VendorTrunk(stopped.SipPort, "tcp") { OptionsPing = true, OptionsPingSeconds = 1 },
            new VendorTrunk(live.SipPort));
        var deadId = provisioned.RoutingGatewayIds[0];

        var health = await WaitForHealthAsync(deadId, "down", TimeSpan.FromSeconds(15));
        var started = Stopwatch.StartNew();
        var caller = await CallAsync(Caller(SippScenario.UacCallBye));
        var took = started.Elapsed;

        Assert.NotNull(health["since"]);
        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await live.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal([200], AttemptCodes(cdr));
        Assert.Equal(provisioned.RoutingGatewayIds[1], cdr["routing_gateway_id"]!.GetValue<string>());
        Assert.True(took < TimeSpan.FromSeconds(10), $"the call took {took}");
        Assert.Equal("unknown", (await GatewayHealthAsync(provisioned.RoutingGatewayIds[1]))["status"]!.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    private async Task<System.Text.Json.Nodes.JsonObject> WaitForHealthAsync(string gatewayId, string status, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var health = await GatewayHealthAsync(gatewayId);
            if (health["status"]!.GetValue<string>() == status)
            {
                return health;
            }

            Assert.True(waited.Elapsed < limit, $"gateway {gatewayId} still {health.ToJsonString()} after {limit}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private async Task<System.Text.Json.Nodes.JsonObject> GatewayHealthAsync(string gatewayId)
    {
        using var response = await Tenant.Client.GetAsync($"/v1/routing-gateways/{gatewayId}", TestContext.Current.CancellationToken);
        return (await response.ReadObjectAsync())["health"]!.AsObject();
    }
}

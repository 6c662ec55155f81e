using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Switch.Redirect;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>The 3xx redirect client (issue 10 §2) with SIPp routing servers and vendors, and WireMock as an HTTP routing server.</summary>
public sealed class RedirectClientTests : SwitchCallTest
{
    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Redirect:AllowPrivateTargets"] = "true",
    };

    [Fact]
    public async Task A_302_with_three_contacts_sends_the_call_to_the_vendors_in_q_order_with_the_carried_headers()
    {
        var first = await VendorAsync(SippScenario.UasFail503);
        var second = await VendorAsync(SippScenario.UasFail503);
        var third = await VendorAsync(SippScenario.UasAnswer);
        var server = await VendorAsync(SippScenario.UasRouting302, keywords: new Dictionary<string, string>
        {
            ["p1"] = Port(first), ["p2"] = Port(second), ["p3"] = Port(third),
        });
        // The tenant's own route would try them the other way round.
        var provisioned = await ProvisionAsync(new VendorTrunk(third.SipPort), new VendorTrunk(second.SipPort), new VendorTrunk(first.SipPort));
        await ProfileAsync(provisioned, new { servers = new[] { new { uri = SipUri(server) } }, carry_headers = new[] { "X-Route-Tag", "P-Asserted-Identity" } });

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await server.WaitForExitAsync()).AllCallsSucceeded, "The routing server must get its ACK");
        Assert.True((await first.WaitForExitAsync()).AllCallsSucceeded);
        Assert.True((await second.WaitForExitAsync()).AllCallsSucceeded);
        var answered = await third.WaitForExitAsync();
        Assert.True(answered.AllCallsSucceeded);
        Assert.Contains("INVITE sip:4420999000@127.0.0.1", answered.Messages, StringComparison.Ordinal);
        Assert.Contains("X-Route-Tag: lcr-7", answered.Messages, StringComparison.Ordinal);
        Assert.Contains("P-Asserted-Identity: <sip:+15550009999@carrier.example>", answered.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        Assert.Equal([503, 503, 200], AttemptCodes(cdr));
        Assert.Equal([provisioned.RoutingGatewayIds[2], provisioned.RoutingGatewayIds[1], provisioned.RoutingGatewayIds[0]], AttemptGateways(cdr));
        Assert.Equal(SipUri(server), cdr["redirect_server"]!.GetValue<string>());
        Assert.InRange(cdr["redirect_milliseconds"]!.GetValue<int>(), 0, 5000);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_404_from_the_routing_server_routes_the_call_on_the_tenants_own_routes()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var server = await VendorAsync(SippScenario.UasRouting404);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await ProfileAsync(provisioned, new { servers = new[] { new { uri = SipUri(server) } } });

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.True((await server.WaitForExitAsync()).AllCallsSucceeded);
        var cdr = await SingleCdrAsync();
        Assert.Equal([200], AttemptCodes(cdr));
        Assert.Equal(SipUri(server), cdr["redirect_server"]!.GetValue<string>());
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_603_from_the_routing_server_refuses_the_call_with_a_cdr_naming_the_rule()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var server = await VendorAsync(SippScenario.UasRouting603);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await ProfileAsync(provisioned, new { servers = new[] { new { uri = SipUri(server) } } });

        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 603 });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal(603, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("redirect-refused", cdr["refusal_rule"]!.GetValue<string>());
        Assert.Empty(AttemptCodes(cdr));
        Assert.Equal(0, (await vendor.StopAsync()).Calls.Created);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_dead_routing_server_times_out_within_the_deadline_and_the_call_fails_open_to_own_routes()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await ProfileAsync(provisioned, new
        {
            servers = new[] { new { uri = DeadServer(), timeout_milliseconds = 400 }, new { uri = DeadServer(), timeout_milliseconds = 400 } },
            deadline_milliseconds = 600, on_failure = "own_routes",
        });

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var cdr = await SingleCdrAsync();
        Assert.Equal([200], AttemptCodes(cdr));
        Assert.Null(cdr["redirect_server"]);
        Assert.InRange(cdr["redirect_milliseconds"]!.GetValue<int>(), 550, 1500);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_dead_routing_server_times_out_within_the_deadline_and_the_call_fails_closed_with_503()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));
        await ProfileAsync(provisioned, new { servers = new[] { new { uri = DeadServer(), timeout_milliseconds = 500 } }, on_failure = "refuse" });

        var elapsed = Stopwatch.StartNew();
        var caller = await CallAsync(Caller(SippScenario.UacExpectFailure) with { ExpectedStatus = 503 });

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        Assert.InRange(elapsed.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(5));
        Assert.Contains("Reason: Q.850;cause=", caller.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        Assert.Equal(503, cdr["final_code"]!.GetValue<int>());
        Assert.Equal("redirect-unavailable", cdr["refusal_rule"]!.GetValue<string>());
        Assert.InRange(cdr["redirect_milliseconds"]!.GetValue<int>(), 450, 1500);
        Assert.Equal(0, (await vendor.StopAsync()).Calls.Created);
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task An_http_routing_server_orders_the_routes_by_q_and_names_gateways_by_id_or_uri()
    {
        var first = await VendorAsync(SippScenario.UasFail503);
        var second = await VendorAsync(SippScenario.UasAnswer);
        var provisioned = await ProvisionAsync(new VendorTrunk(second.SipPort), new VendorTrunk(first.SipPort));
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/route").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
        {
            routes = new object[]
            {
                new { uri = $"sip:4420777000@127.0.0.1:{second.SipPort}", q = 0.3 },
                new { routing_gateway_id = provisioned.RoutingGatewayIds[1], q = 0.9 },
            },
            headers = new Dictionary<string, string> { ["X-Route-Tag"] = "http-1" },
        }));
        await ProfileAsync(provisioned, new { servers = new[] { new { uri = server.Url + "/route" } }, carry_headers = new[] { "X-Route-Tag" } });

        var caller = await CallAsync(Caller(SippScenario.UacCallBye));

        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var answered = await second.WaitForExitAsync();
        Assert.Contains("INVITE sip:4420777000@127.0.0.1", answered.Messages, StringComparison.Ordinal);
        Assert.Contains("X-Route-Tag: http-1", answered.Messages, StringComparison.Ordinal);
        var cdr = await SingleCdrAsync();
        Assert.Equal([503, 200], AttemptCodes(cdr));
        Assert.Equal([provisioned.RoutingGatewayIds[1], provisioned.RoutingGatewayIds[0]], AttemptGateways(cdr));
        var query = JsonNode.Parse(Assert.Single(server.LogEntries).RequestMessage!.Body!)!.AsObject();
        Assert.Equal("4420123456", query["callee"]!.GetValue<string>());
        Assert.Equal(provisioned.MappingGatewayId, query["mapping_gateway_id"]!.GetValue<string>());
        Assert.Equal(cdr["id"]!.GetValue<string>(), query["cdr_id"]!.GetValue<string>());
        Assert.Null(query["tenant_id"]);
        await AssertNothingLeftAsync();
    }

    /// <summary>Creates the trunk's redirect profile and waits until the switch has it.</summary>
    private async Task ProfileAsync(ProvisionedTenant provisioned, object profile)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(profile, ApiJson.Options))!.AsObject();
        body["mapping_gateway_id"] = provisioned.MappingGatewayId;
        await Tenant.Client.CreateAsync("/v1/redirect-profiles", body);
        var source = Host.Application.Services.GetRequiredService<RedirectProfileSource>();
        var waited = Stopwatch.StartNew();
        while (source.Current.For(Tenant.Id, provisioned.MappingGatewayId) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(2), "The profile must be in force within 2 s");
            await Task.Delay(50);
        }
    }

    private static string Port(SippProcess sipp) => sipp.SipPort.ToString(CultureInfo.InvariantCulture);

    private static string SipUri(SippProcess sipp) => $"sip:127.0.0.1:{sipp.SipPort}";

    /// <summary>A loopback port nobody answers on.</summary>
    private static string DeadServer() => $"sip:127.0.0.1:{LoopbackPorts.Free(ProtocolType.Udp)}";

    private static string[] AttemptGateways(JsonObject cdr) =>
        cdr["attempts"]!.AsArray().Select(a => a!["routing_gateway_id"]!.GetValue<string>()).ToArray();
}

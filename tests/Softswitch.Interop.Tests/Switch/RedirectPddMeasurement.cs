using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Switch.Redirect;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// The redirect client's added post-dial delay (issue 10 §2 benchmark): the same calls, 5 a second, through the same
/// switch, first on the tenant's own route, then through a local SIPp routing server that answers 302 at once. PDD is
/// the CDRs' <c>pdd_milliseconds</c> (setup to the vendor's first ringing or final answer). Explicit: a measurement,
/// not part of the test command (<c>-class Softswitch.Interop.Tests.Switch.RedirectPddMeasurement -explicit only</c>).
/// </summary>
public sealed class RedirectPddMeasurement : SwitchCallTest
{
    private const int Calls = 50;

    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Redirect:AllowPrivateTargets"] = "true",
    };

    [Fact(Explicit = true)]
    public async Task Pdd_with_and_without_a_routing_server()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: 2 * Calls);
        var port = vendor.SipPort.ToString(CultureInfo.InvariantCulture);
        var server = await VendorAsync(SippScenario.UasRouting302, calls: Calls, keywords: new Dictionary<string, string> { ["p1"] = port, ["p2"] = port, ["p3"] = port });
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        var direct = await RunAsync();
        await Tenant.Client.CreateAsync("/v1/redirect-profiles", new
        {
            mapping_gateway_id = provisioned.MappingGatewayId, servers = new[] { new { uri = $"sip:127.0.0.1:{server.SipPort}" } },
        });
        var source = Host.Application.Services.GetRequiredService<RedirectProfileSource>();
        for (var i = 0; i < 40 && source.Current.For(Tenant.Id, provisioned.MappingGatewayId) is null; i++)
        {
            await Task.Delay(50);
        }

        var redirected = (await RunAsync()).Where(c => c["redirect_server"] is not null).ToList();

        Assert.Equal(Calls, direct.Count);
        Assert.Equal(Calls, redirected.Count);
        TestContext.Current.SendDiagnosticMessage($"PDD own route: {Describe(direct)}; via 302 routing server: {Describe(redirected)}");
    }

    private async Task<List<JsonObject>> RunAsync()
    {
        var before = (await Host.WaitForCdrsAsync(Tenant.Client, 0)).Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with { Calls = Calls, CallsPerSecond = 5, TraceMessages = false, Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(caller.AllCallsSucceeded, caller.ToString());
        var all = await Host.WaitForCdrsAsync(Tenant.Client, before.Count + Calls);
        return all.Where(c => !before.Contains(c["id"]!.GetValue<string>())).ToList();
    }

    private static string Describe(List<JsonObject> cdrs)
    {
        var pdd = cdrs.Select(c => c["pdd_milliseconds"]!.GetValue<int>()).Order().ToArray();
        var query = cdrs.Select(c => c["redirect_milliseconds"]?.GetValue<int>()).OfType<int>().Order().ToArray();
        var text = string.Create(CultureInfo.InvariantCulture, $"n={pdd.Length} p50={pdd[pdd.Length / 2]} ms p95={pdd[pdd.Length * 95 / 100]} ms max={pdd[^1]} ms");
        return query.Length == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $" (query p50={query[query.Length / 2]} ms p95={query[query.Length * 95 / 100]} ms)");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Switch.Redirect;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// The redirect client's added post-dial delay (issue 10 §2 benchmark): the same SIPp caller through the same switch,
/// first on the tenant's own route, then through a local SIPp routing server that answers 302 at once, after a
/// warm-up run on the own route that is not measured (so the first run does not pay the JIT). PDD is taken at
/// the caller: INVITE sent to the first 180, 183 or 200 received (SIPp's response times, <c>-trace_rtt</c>). Every call
/// of both runs must succeed and every redirected call's CDR must name the routing server: a measurement that lost
/// calls measured nothing. Explicit: not part of the test command
/// (<c>-class Softswitch.Interop.Tests.Switch.RedirectPddMeasurement -explicit only</c>); REDIRECT_PDD_CALLS and
/// REDIRECT_PDD_RATE change the calls per run (default 500) and the call rate (default 10 a second).
/// </summary>
public sealed class RedirectPddMeasurement : SwitchCallTest
{
    private static readonly int Calls = Setting("REDIRECT_PDD_CALLS", 500);
    private static readonly int Rate = Setting("REDIRECT_PDD_RATE", 10);
    private static readonly int WarmUpCalls = Math.Max(Calls / 5, 1);

    /// <summary>Every run and the set-up between them: the UASes serve them all (SIPp's -timeout is global).</summary>
    private static readonly TimeSpan UasLifetime = TimeSpan.FromSeconds((((2.0 * Calls) + WarmUpCalls) / Rate) + 180);

    protected override IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>
    {
        ["Softswitch:Redirect:AllowPrivateTargets"] = "true",
    };

    [Fact(Explicit = true)]
    public async Task Pdd_with_and_without_a_routing_server()
    {
        var vendor = await VendorAsync(SippScenario.UasAnswer, calls: (2 * Calls) + WarmUpCalls, lifetime: UasLifetime);
        var port = vendor.SipPort.ToString(CultureInfo.InvariantCulture);
        var server = await VendorAsync(
            SippScenario.UasRouting302, calls: Calls, keywords: new Dictionary<string, string> { ["p1"] = port, ["p2"] = port, ["p3"] = port },
            lifetime: UasLifetime);
        var provisioned = await ProvisionAsync(new VendorTrunk(vendor.SipPort));

        _ = await RunAsync(WarmUpCalls);
        var (directPdd, direct) = await RunAsync(Calls);
        await Tenant.Client.CreateAsync("/v1/redirect-profiles", new
        {
            mapping_gateway_id = provisioned.MappingGatewayId, servers = new[] { new { uri = $"sip:127.0.0.1:{server.SipPort}" } },
        });
        var source = Host.Application.Services.GetRequiredService<RedirectProfileSource>();
        for (var i = 0; i < 40 && source.Current.For(Tenant.Id, provisioned.MappingGatewayId) is null; i++)
        {
            await Task.Delay(50);
        }

        var (redirectedPdd, redirected) = await RunAsync(Calls);

        Assert.All(redirected, c => Assert.NotNull(c["redirect_server"]));
        var routingServer = await server.WaitForExitAsync();
        Assert.True(routingServer.AllCallsSucceeded && routingServer.Calls.Successful == Calls, "Every 302 must be acknowledged: " + routingServer);
        TestContext.Current.SendDiagnosticMessage(
            $"{Calls} calls at {Rate}/s each way. PDD at the caller (INVITE to 180/200), own route: {Percentiles(directPdd)}; "
            + $"via the 302 routing server: {Percentiles(redirectedPdd)}; added: {Added(directPdd, redirectedPdd)}. "
            + $"Switch CDRs (setup to the vendor's first answer), own route: {CdrPdd(direct)}; via the routing server: {CdrPdd(redirected)}, "
            + $"query {Percentiles(redirected.Select(c => c["redirect_milliseconds"]!.GetValue<int>()).ToArray())}");
    }

    /// <summary>One run of the caller; fails unless every call succeeded, with its PDD and its CDR.</summary>
    private async Task<(int[] Pdd, List<JsonObject> Cdrs)> RunAsync(int calls)
    {
        var before = (await AllCdrsAsync()).Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        var caller = await CallAsync(Caller(SippScenario.UacCallBye) with
        {
            Calls = calls, CallsPerSecond = Rate, TraceMessages = false, TraceResponseTimes = true, Timeout = TimeSpan.FromSeconds((calls / Rate) + 60),
        });
        Assert.True(caller.AllCallsSucceeded && caller.Calls.Successful == calls, caller.ToString());
        Assert.Equal(calls, caller.ResponseTimes.Count);
        List<JsonObject> cdrs = [];
        for (var i = 0; i < 100 && cdrs.Count < calls; i++)
        {
            await Task.Delay(200);
            cdrs = (await AllCdrsAsync()).Where(c => !before.Contains(c["id"]!.GetValue<string>())).ToList();
        }

        Assert.Equal(calls, cdrs.Count);
        Assert.All(cdrs, c => Assert.Equal(200, c["final_code"]!.GetValue<int>()));
        return ([.. caller.ResponseTimes], cdrs);
    }

    /// <summary>Every CDR of the tenant, page by page (at most 20 pages of 500).</summary>
    private async Task<List<JsonObject>> AllCdrsAsync()
    {
        List<JsonObject> cdrs = [];
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            using var response = await Tenant.Client.GetAsync("/v1/cdrs?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            response.EnsureSuccessStatusCode();
            var body = await response.ReadObjectAsync();
            cdrs.AddRange(body["data"]!.AsArray().Select(n => n!.AsObject()));
            cursor = body["next_cursor"]?.GetValue<string>();
            if (cursor is null)
            {
                break;
            }
        }

        return cdrs;
    }

    private static string CdrPdd(List<JsonObject> cdrs) => Percentiles(cdrs.Select(c => c["pdd_milliseconds"]!.GetValue<int>()).ToArray());

    private static string Percentiles(int[] values)
    {
        var sorted = values.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={At(sorted, 50)} ms p95={At(sorted, 95)} ms p99={At(sorted, 99)} ms max={sorted[^1]} ms");
    }

    private static string Added(int[] direct, int[] redirected)
    {
        var before = direct.Order().ToArray();
        var after = redirected.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(after, 50) - At(before, 50):+0;-0;0} ms p95 {At(after, 95) - At(before, 95):+0;-0;0} ms p99 {At(after, 99) - At(before, 99):+0;-0;0} ms");
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static int At(int[] sorted, int percentile) => sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

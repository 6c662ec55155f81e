using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Media.Sip;
using Softswitch.Switch.Config;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// The product under test in one process: the REST API and the SIP switch (roles api,switch) on a free loopback
/// port, over its own SQLite file. Tests provision it through the API and call through it with SIPp.
/// </summary>
public sealed class SwitchHost : IAsyncDisposable
{
    private readonly TestApplication _app;

    private SwitchHost(TestApplication app) => _app = app;

    public IPEndPoint SipEndPoint => _app.Services.GetRequiredService<SipSwitchService>().LocalEndPoint;

    public SipSwitchService Switch => _app.Services.GetRequiredService<SipSwitchService>();

    public TestApplication Application => _app;

    /// <summary>
    /// Starts the host with the default T1 (500 ms): a shorter one makes the switch retransmit INVITEs to a SIPp
    /// vendor that is merely slow on a loaded machine, and SIPp 3.6 fails a call on such a copy.
    /// </summary>
    public static SwitchHost Start(IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Softswitch:Roles"] = "api,switch",
            ["Softswitch:Sip:Address"] = "127.0.0.1",
            ["Softswitch:Sip:Port"] = "0",

            // The tests' SIPp peers and phones send from 127.0.0.1 at load-test rates: a trusted peer (alerts, no bans).
            // Anti-fraud tests attack from other loopback addresses.
            ["Softswitch:Fraud:TrustedAddresses"] = "127.0.0.1/32",

            // SIPp routing-server scenarios expect an INVITE first and fail on an OPTIONS ping.
            ["Softswitch:Health:RoutingServerPingSeconds"] = "0",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var app = new TestApplication(settings);
        _ = app.Services; // builds and starts the host, listeners included
        return new SwitchHost(app);
    }

    /// <summary>Waits until the switch's snapshot satisfies <paramref name="condition"/>; fails after <paramref name="limit"/>.</summary>
    public async Task WaitForAsync(Func<SwitchConfigSnapshot, bool> condition, TimeSpan limit)
    {
        var source = _app.Services.GetRequiredService<ISwitchConfigSource>();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(source.Current))
        {
            if (elapsed.Elapsed > limit)
            {
                throw new TimeoutException($"The switch configuration did not change within {limit.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The tenant's CDRs through the API, waiting (bounded) until <paramref name="expected"/> are stored.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForCdrsAsync(HttpClient tenant, int expected)
    {
        List<JsonObject> cdrs = [];
        for (var i = 0; i < 50; i++)
        {
            using var response = await tenant.GetAsync("/v1/cdrs?limit=500");
            response.EnsureSuccessStatusCode();
            cdrs = (await response.ReadObjectAsync())["data"]!.AsArray().Select(n => n!.AsObject()).ToList();
            if (cdrs.Count >= expected)
            {
                return cdrs;
            }

            await Task.Delay(100);
        }

        return cdrs;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

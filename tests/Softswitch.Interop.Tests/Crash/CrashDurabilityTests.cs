using System.Net.Sockets;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;

namespace Softswitch.Interop.Tests.Crash;

/// <summary>
/// kill -9 under load: every call the caller saw complete has its CDR after the restart, and calls cut by the
/// crash come back as interrupted CDRs instead of vanishing.
/// </summary>
public sealed class CrashDurabilityTests : IAsyncLifetime
{
    private const string PlatformKey = "ssk_admin_crashtest.platform-key-used-only-by-the-crash-test";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("softswitch-crash-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>With group commit the promise must hold at load, not only at a trickle.</summary>
    private const int CallsPerSecond = 200;

    [Fact]
    public async Task Cdrs_after_a_kill_minus_9_match_the_completed_calls()
    {
        var sipPort = LoopbackPorts.Free(ProtocolType.Udp);
        var httpPort = LoopbackPorts.Free(ProtocolType.Tcp);
        await using var vendor = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = SippScenario.UasAnswer, Calls = 10_000, Timeout = TimeSpan.FromSeconds(60), TraceMessages = false,
        });

        string tenantKey;
        await using (var first = await SwitchProcess.StartAsync(_dataDir, sipPort, httpPort, PlatformKey))
        {
            tenantKey = await ProvisionAsync(first, vendor.SipPort);
            await using var caller = await SippProcess.StartAsync(new SippOptions
            {
                Scenario = SippScenario.UacLoggedCall,
                Remote = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, sipPort),
                Calls = 10_000,
                CallsPerSecond = CallsPerSecond,
                Timeout = TimeSpan.FromSeconds(30),
                TraceMessages = false,
            });
            await WaitForCompletedCallsAsync(caller, first, tenantKey, atLeast: CallsPerSecond);
            await first.KillAsync();
            var callerResult = await caller.StopAsync();

            var completed = CompletedCallIds(callerResult.Log);
            Assert.True(completed.Count >= CallsPerSecond, callerResult.ToString());

            await using var second = await SwitchProcess.StartAsync(_dataDir, sipPort, httpPort, PlatformKey);
            using var tenant = second.Client(tenantKey);
            var cdrs = await AllCdrsAsync(tenant, completed.Count);
            var finished = cdrs.Where(c => !c["interrupted"]!.GetValue<bool>()).Select(c => c["call_id"]!.GetValue<string>()).ToHashSet();

            Assert.Empty(completed.Except(finished));
            Assert.Equal(cdrs.Count, cdrs.Select(c => c["call_id"]!.GetValue<string>()).Distinct().Count());
            // A CDR made durable just before the kill whose 200 to BYE never left is the only kind allowed beyond
            // the caller's list; there are at most as many as calls in progress (200 cps x 0.3 s hold, with room).
            Assert.InRange(finished.Count - completed.Count, 0, CallsPerSecond);
            Assert.All(
                cdrs.Where(c => c["interrupted"]!.GetValue<bool>()),
                c => Assert.Equal("switch", c["hangup_side"]!.GetValue<string>()));
        }
    }

    internal static async Task<string> ProvisionAsync(SwitchProcess process, int vendorPort, string platformKey = PlatformKey)
    {
        using var platform = process.Client(platformKey);
        var tenantId = await platform.CreateAsync("/v1/tenants", new { name = "Crash", sip_domain = "crash.example.net", default_currency = "USD" });
        using var keyResponse = await platform.PostAsync($"/v1/tenants/{tenantId}/api-keys", ApiJson.Body(new { name = "crash", scopes = new[] { "admin" } }));
        var key = (await keyResponse.ReadObjectAsync())["key"]!.GetValue<string>();
        using var tenant = process.Client(key);
        await SwitchProvisioning.TrunkToVendorsAsync(tenant, [new VendorTrunk(vendorPort)]);
        // The switch's refresher publishes a change within 500 ms (the promise is 2 s).
        await Task.Delay(TimeSpan.FromSeconds(2));
        return key;
    }

    internal static async Task WaitForCompletedCallsAsync(SippProcess caller, SwitchProcess process, string tenantKey, int atLeast)
    {
        using var tenant = process.Client(tenantKey);
        for (var i = 0; i < 100; i++)
        {
            using var response = await tenant.GetAsync("v1/cdrs?limit=500");
            if ((await response.ReadObjectAsync())["data"]!.AsArray().Count >= atLeast)
            {
                return;
            }

            await Task.Delay(100);
        }

        var stopped = await caller.StopAsync();
        throw new TimeoutException($"Fewer than {atLeast} calls completed before the kill:\n{stopped}\n{process.Output}");
    }

    private static HashSet<string> CompletedCallIds(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("completed ", StringComparison.Ordinal))
            .Select(line => line["completed ".Length..])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every CDR of the tenant once the replayed spool has reached the database: at least <paramref name="atLeast"/>, and no more arriving.</summary>
    internal static async Task<List<JsonObject>> AllCdrsAsync(HttpClient tenant, int atLeast)
    {
        var previous = -1;
        List<JsonObject> cdrs = [];
        for (var i = 0; i < 100; i++)
        {
            cdrs = [];
            string? cursor = null;
            do
            {
                using var response = await tenant.GetAsync("v1/cdrs?limit=500" + (cursor is null ? "" : "&cursor=" + cursor));
                var page = await response.ReadObjectAsync();
                cdrs.AddRange(page["data"]!.AsArray().Select(n => n!.AsObject()));
                cursor = page["next_cursor"]?.GetValue<string>();
            }
            while (cursor is not null);

            if (cdrs.Count >= atLeast && cdrs.Count == previous)
            {
                return cdrs;
            }

            previous = cdrs.Count;
            await Task.Delay(300);
        }

        return cdrs;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Interop.Tests.Switch;
using Softswitch.Switch.Fraud;

namespace Softswitch.Interop.Tests.Fraud;

/// <summary>
/// Issue 8 §4: the scanner honeypot's numbers are stored, so a number a banned scanner dialled still blocks calls of a
/// tenant that opted in after the switch restarts; the admin forgetting it lets them through.
/// </summary>
public sealed class ScannerHoneypotRestartTests : IAsyncDisposable
{
    private const string Tested = "0097259000000";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(30);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("softswitch-honeypot-").FullName;

    [Fact]
    public async Task A_recorded_number_still_blocks_an_opted_in_tenant_after_a_restart_until_the_admin_forgets_it()
    {
        await using var vendor = await SippProcess.StartAsync(new SippOptions { Scenario = SippScenario.UasAnswer, Timeout = TimeSpan.FromSeconds(60) });
        string tenantKey;
        string tenantId;
        await using (var first = SwitchHost.Start(Settings()))
        {
            using var tenant = await first.Application.CreateTenantAsync("Carrier");
            (tenantKey, tenantId) = (tenant.Key, tenant.Id);
            await SwitchProvisioning.TrunkToVendorsAsync(tenant.Client, [new VendorTrunk(vendor.SipPort)]);
            await tenant.Client.CreateAsync("/v1/fraud-rules", new { name = "honeypot", kind = "scanner_destinations", expire_seconds = 3600 });
            using (var scanner = new SipProbe("127.0.0.9", first.SipEndPoint))
            {
                await scanner.InviteAsync(Tested, "friendly-scanner");
            }

            using var platform = first.Application.PlatformClient();
            await UntilAsync(async () => (await platform.GetFromApiAsync($"/v1/scanner-destinations?number={Tested}"))["data"]!.AsArray().Count == 1);
        }

        await using var second = SwitchHost.Start(Settings());
        Assert.NotNull(second.Application.Services.GetRequiredService<SignallingGuard>().Honeypot.LastDialled(Tested));
        await second.WaitForAsync(s => s.FindRoute(tenantId, Tested) is not null, Limit);
        var refused = await CallAsync(second, SippScenario.UacExpectFailure, new Dictionary<string, string> { ["expected_status"] = "403" });

        using (var platform = second.Application.PlatformClient())
        {
            using var forgotten = await platform.DeleteAsync($"/v1/scanner-destinations/{Tested}");
            forgotten.EnsureSuccessStatusCode();
        }

        var honeypot = second.Application.Services.GetRequiredService<SignallingGuard>().Honeypot;
        await UntilAsync(() => Task.FromResult(honeypot.LastDialled(Tested) is null));
        var connected = await CallAsync(second, SippScenario.UacCallBye, new Dictionary<string, string>());

        Assert.True(refused.AllCallsSucceeded, refused.ToString());
        Assert.True(connected.AllCallsSucceeded, connected.ToString());
        using var tenantClient = second.Application.ClientWithKey(tenantKey);
        Assert.Empty((await tenantClient.GetFromApiAsync("/v1/scanner-destinations"))["data"]!.AsArray());
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Dictionary<string, string?> Settings() => new() { ["Softswitch:DataDir"] = _dataDir };

    private static async Task<SippResult> CallAsync(SwitchHost host, string scenario, Dictionary<string, string> variables)
    {
        await using var caller = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = scenario, Remote = host.SipEndPoint, Callee = Tested, Caller = "15550001111", Timeout = SippTimeout, Variables = variables,
        });
        return await caller.WaitForExitAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(elapsed.Elapsed < Limit, $"Not done within {Limit.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using Softswitch.Api.Hosting;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Interop.Tests.Sipp;
using Softswitch.Media.Config;

namespace Softswitch.Interop.Tests.Switch;

/// <summary>
/// The last good snapshot on disk: a switch that starts while its database cannot be opened routes real calls from the
/// snapshot file an earlier run wrote, and says so in readiness.
/// </summary>
public sealed class DatabaseDownTests : IAsyncDisposable
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("softswitch-db-down-").FullName;

    [Fact]
    public async Task Database_down_at_start_the_switch_routes_from_the_snapshot_file()
    {
        await using var vendor = await SippProcess.StartAsync(new SippOptions { Scenario = SippScenario.UasAnswer, Timeout = SippTimeout });
        var snapshotFile = Path.Combine(_dataDir, SoftswitchApplication.LastGoodConfigFileName);
        await using (var first = SwitchHost.Start(new Dictionary<string, string?> { ["Softswitch:DataDir"] = _dataDir }))
        {
            using var tenant = await first.Application.CreateTenantAsync("Carrier");
            var provisioned = await SwitchProvisioning.TrunkToVendorsAsync(tenant.Client, [new VendorTrunk(vendor.SipPort)]);
            await first.WaitForAsync(s => s.FindRoute(tenant.Id, "4420123456")?.Gateways.Count == 1, TimeSpan.FromSeconds(5));
            await WaitForFileMentioningAsync(snapshotFile, provisioned.RoutingGatewayIds[0]);
        }

        var unopenable = Directory.CreateDirectory(Path.Combine(_dataDir, "database-is-a-directory")).FullName;
        await using var second = SwitchHost.Start(new Dictionary<string, string?>
        {
            ["Softswitch:DataDir"] = _dataDir,
            ["Softswitch:Roles"] = "switch",
            ["Softswitch:Database:ConnectionString"] = $"Data Source={unopenable}",

            // The CDR of the call stays in the spool (the database is down); the drain would retry until the timeout.
            ["shutdownTimeoutSeconds"] = "2",
        });
        using var http = second.Application.CreateClient();
        using var ready = await http.GetAsync("/healthz/ready");
        var report = await ready.ReadObjectAsync();

        await using var caller = await SippProcess.StartAsync(new SippOptions
        {
            Scenario = SippScenario.UacCallBye, Remote = second.SipEndPoint, Callee = "4420123456", Caller = "15550001111", Timeout = SippTimeout,
        });
        var callerResult = await caller.WaitForExitAsync();
        var vendorResult = await vendor.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", report["status"]!.GetValue<string>());
        Assert.StartsWith("Routing from snapshot file of ", report["checks"]!["switch_config"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Degraded", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.True(callerResult.AllCallsSucceeded, callerResult.ToString());
        Assert.True(vendorResult.AllCallsSucceeded, vendorResult.ToString());
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The refresher writes the file at most every <see cref="LastGoodConfigSaver.WriteInterval"/>; waits (bounded: that
    /// interval and 5 seconds more) until it holds <paramref name="text"/>.
    /// </summary>
    private static async Task WaitForFileMentioningAsync(string path, string text)
    {
        var tries = (int)((LastGoodConfigSaver.WriteInterval + TimeSpan.FromSeconds(5)) / TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < tries; i++)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} never held {text}.");
    }
}

using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Media.Sip;
using Softswitch.Sip.Transport;

namespace Softswitch.Api.Tests;

/// <summary><c>/healthz/ready</c> per role: what each kind of process needs to do its work.</summary>
public sealed class ReadinessTests
{
    private static readonly Dictionary<string, string?> SwitchOnLoopback = new()
    {
        ["Softswitch:Roles"] = "api,switch",
        ["Softswitch:Sip:Address"] = "127.0.0.1",
        ["Softswitch:Sip:Port"] = "0",
        ["Softswitch:Sip:UdpReceivers"] = "2",
    };

    [Fact]
    public async Task Ready_turns_unhealthy_when_a_udp_receive_loop_has_died()
    {
        await using var app = new TestApplication(SwitchOnLoopback);
        using var client = app.CreateClient();
        using var before = await client.GetAsync("/healthz/ready");
        var sip = app.Services.GetRequiredService<SipSwitchService>();

        KillOneUdpReceiveLoop(sip);
        for (var i = 0; i < 100 && sip.IsReceiving; i++)
        {
            await Task.Delay(50);
        }

        using var after = await client.GetAsync("/healthz/ready");
        var report = await after.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("Unhealthy", report["checks"]!["sip_listeners"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_reports_each_check_of_a_healthy_switch()
    {
        await using var app = new TestApplication(SwitchOnLoopback);
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        var report = await ready.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", report["status"]!.GetValue<string>());
        Assert.Equal(["database", "sip_listeners", "switch_config"], report["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Database", report["checks"]!["switch_config"]!["data"]!["origin"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_and_switch_process_starts_with_the_database_down_but_is_not_ready()
    {
        var settings = new Dictionary<string, string?>(SwitchOnLoopback);
        await using var app = new TestApplication(settings);
        settings["Softswitch:Database:ConnectionString"] = $"Data Source={UnopenableDatabase(app)}";
        await using var down = new TestApplication(settings);
        using var client = down.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        var report = await ready.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", report["checks"]!["switch_config"]!["status"]!.GetValue<string>());
        Assert.True(down.Services.GetRequiredService<SipSwitchService>().IsReceiving);
    }

    [Fact]
    public async Task Switch_only_process_with_the_database_down_counts_the_database_as_degraded()
    {
        var settings = new Dictionary<string, string?>(SwitchOnLoopback) { ["Softswitch:Roles"] = "switch" };
        await using var app = new TestApplication(settings);
        settings["Softswitch:Database:ConnectionString"] = $"Data Source={UnopenableDatabase(app)}";
        await using var down = new TestApplication(settings);
        using var client = down.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        var report = await ready.ReadObjectAsync();

        Assert.Equal("Degraded", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("The database does not answer.", report["checks"]!["database"]!["description"]!.GetValue<string>());
        // No snapshot file was ever written in this data folder, so there is nothing to route from.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("None", report["checks"]!["switch_config"]!["data"]!["origin"]!.GetValue<string>());
    }

    /// <summary>A SQLite "file" that is a directory: opening it fails like a database that is not there.</summary>
    private static string UnopenableDatabase(TestApplication app)
    {
        var path = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "database-is-a-directory");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Closes one UDP socket under its receive loop, the way a fault the loop cannot recover from would end it. The
    /// transport offers no way to do this (nor should it), so the test reaches its sockets by reflection.
    /// </summary>
    private static void KillOneUdpReceiveLoop(SipSwitchService sip)
    {
        var transport = (SipTransport)typeof(SipSwitchService).GetField("_transport", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(sip)!;
        var sockets = (Socket[])typeof(SipTransport).GetField("_udpSockets", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(transport)!;
        sockets[^1].Dispose();
    }
}

using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The signalling layer through the SDK: IP bans and signalling rules (platform admin), trusted addresses (tenant).</summary>
public sealed class SignallingLayerTests
{
    [Fact]
    public async Task A_ban_is_listed_exported_for_the_firewall_and_lifted_by_the_platform_admin_only()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Tenant");
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        using var tenant = app.Sdk(key);
        var now = DateTime.UtcNow;
        await app.StoreAsync(null, Ban("203.0.113.9", "auth-failures", now, now.AddMinutes(5)), Ban("198.51.100.4", "flood", now, now.AddMinutes(5)));

        var all = await platform.IpBans.ListAutoPagingAsync(new IpBanListOptions { Limit = 1 }).ToListAsync();
        var byRule = await platform.IpBans.ListAsync(new IpBanListOptions { Rule = "auth-failures" });
        var byAddress = await platform.IpBans.ListAsync(new IpBanListOptions { Address = "198.51.100.4" });
        var nftables = await platform.IpBans.ExportAsync("nftables");
        var ipset = await platform.IpBans.ExportAsync("ipset");
        var forbidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => tenant.IpBans.ListAsync());
        await platform.IpBans.LiftAsync("203.0.113.9");
        var again = await Assert.ThrowsAsync<SoftswitchApiException>(() => platform.IpBans.LiftAsync("203.0.113.9"));

        Assert.Equal(2, all.Count);
        var ban = Assert.Single(byRule.Data);
        Assert.Equal(("203.0.113.9", 11, 10, 60, 1), (ban.Address, ban.Count, ban.Threshold, ban.WindowSeconds, ban.Offence));
        Assert.Equal("flood", Assert.Single(byAddress.Data).Rule);
        Assert.Contains("add element inet softswitch banned_v4 { ", nftables, StringComparison.Ordinal);
        Assert.Contains("203.0.113.9 timeout ", nftables, StringComparison.Ordinal);
        Assert.Contains("add softswitch-banned-v4 198.51.100.4 timeout ", ipset, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("198.51.100.4", Assert.Single((await platform.IpBans.ListAsync()).Data).Address);
    }

    [Fact]
    public async Task Signalling_rules_are_replaced_at_run_time_and_reset_to_the_settings()
    {
        await using var app = new SdkTestApplication();
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);

        var configured = await platform.SignallingRules.GetAsync();
        var replaced = await platform.SignallingRules.UpdateAsync(Options(configured, floodRequests: configured.FloodRequests * 2, floodWarning: configured.FloodRequests));
        var read = await platform.SignallingRules.GetAsync();
        var stale = await Assert.ThrowsAsync<SoftswitchApiException>(() => platform.SignallingRules.UpdateAsync(
            Options(configured, configured.FloodRequests, null), new RequestOptions { IfMatch = "\"0\"" }));
        await platform.SignallingRules.ResetAsync();
        var reset = await platform.SignallingRules.GetAsync();

        Assert.Equal("settings", configured.Origin);
        Assert.Equal(("api", configured.FloodRequests * 2, (int?)configured.FloodRequests), (replaced.Origin, replaced.FloodRequests, replaced.FloodWarningRequests));
        Assert.Equal((replaced.Version, replaced.FloodRequests), (read.Version, read.FloodRequests));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(("settings", configured.FloodRequests), (reset.Origin, reset.FloodRequests));
    }

    [Fact]
    public async Task A_trusted_address_round_trips_and_another_tenant_cannot_see_it()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Trusting");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);

        var trusted = await client.TrustedAddresses.CreateAsync(new TrustedAddressOptions { Block = "203.0.113.0/28", Description = "HQ PBX" });
        var read = await client.TrustedAddresses.GetAsync(trusted.Id);
        var listed = await client.TrustedAddresses.ListAutoPagingAsync().ToListAsync();
        var hidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.TrustedAddresses.GetAsync(trusted.Id));
        await client.TrustedAddresses.DeleteAsync(trusted.Id);

        Assert.Equal(("203.0.113.0/28", "HQ PBX"), (read.Block, read.Description));
        Assert.Equal(trusted.Id, Assert.Single(listed).Id);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty((await client.TrustedAddresses.ListAsync()).Data);
    }

    private static SignallingRulesOptions Options(SignallingRules rules, int floodRequests, int? floodWarning) => new()
    {
        FloodRequests = floodRequests,
        FloodWindowSeconds = rules.FloodWindowSeconds,
        BanSeconds = rules.BanSeconds,
        MaxBanSeconds = rules.MaxBanSeconds,
        RepeatOffenceSeconds = rules.RepeatOffenceSeconds,
        ScannerPatterns = rules.ScannerPatterns,
        SweepDistinctUsers = rules.SweepDistinctUsers,
        SweepWindowSeconds = rules.SweepWindowSeconds,
        AuthFailuresPerAddress = rules.AuthFailuresPerAddress,
        AuthFailureWindowSeconds = rules.AuthFailureWindowSeconds,
        PhoneAuthFailures = rules.PhoneAuthFailures,
        PhoneAuthFailureWindowSeconds = rules.PhoneAuthFailureWindowSeconds,
        TrustedThresholdMultiplier = rules.TrustedThresholdMultiplier,
        TrustedAddresses = rules.TrustedAddresses,
        MonitorRules = rules.MonitorRules,
        FloodWarningRequests = floodWarning,
    };

    private static Domain.IpBan Ban(string address, string rule, DateTime at, DateTime until) => new()
    {
        Address = address, Rule = rule, Evidence = "REGISTER 1001@t.example.net", Count = 11, Threshold = 10, WindowSeconds = 60,
        Offence = 1, BannedAt = at, ExpiresAt = until,
    };
}

using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>Explained refusals through the SDK: refusal policies per rule, and security events (each tenant its own).</summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task A_refusal_policy_is_listed_set_read_and_dropped()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Policies");
        using var client = app.Sdk(key);

        var all = await client.RefusalPolicies.ListAsync();
        var set = await client.RefusalPolicies.UpdateAsync("geofence-source", new RefusalPolicyOptions
        {
            Mode = RefusalMode.Enforce, StatusCode = 488, ReasonText = "not from here",
        });
        var monitored = await client.RefusalPolicies.UpdateAsync("call-rate", new RefusalPolicyOptions { Mode = RefusalMode.Monitor });
        var read = await client.RefusalPolicies.GetAsync("geofence-source");
        await client.RefusalPolicies.DeleteAsync("geofence-source");
        var dropped = await client.RefusalPolicies.GetAsync("geofence-source");
        var unknown = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.RefusalPolicies.GetAsync("no-such-rule"));

        Assert.Contains(all.Data, p => p.Rule == "geofence-source" && !p.Customised && p.Mode == RefusalMode.Enforce);
        Assert.False(all.HasMore);
        Assert.Equal((RefusalMode.Enforce, (int?)488, "not from here", true), (read.Mode, read.StatusCode, read.ReasonText, read.Customised));
        Assert.Equal((488, RefusalMode.Monitor), (set.StatusCode, monitored.Mode));
        Assert.Equal((false, (int?)null), (dropped.Customised, dropped.StatusCode));
        Assert.Equal(RefusalMode.Monitor, (await client.RefusalPolicies.GetAsync("call-rate")).Mode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Security_events_are_filtered_and_each_tenant_reads_only_its_own()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Events");
        var (otherId, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        var at = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        await app.StoreAsync(null,
            Event(tenantId, "geofence-source", Domain.SecurityAction.Refuse, "203.0.113.9", "15550001", at),
            Event(tenantId, "call-rate", Domain.SecurityAction.Monitor, "203.0.113.9", "15550002", at.AddMinutes(1)),
            Event(otherId, "geofence-source", Domain.SecurityAction.Refuse, "198.51.100.1", "15550001", at),
            Event(null, "flood", Domain.SecurityAction.Ban, "192.0.2.1", null, at));

        var mine = await client.SecurityEvents.ListAutoPagingAsync(new SecurityEventListOptions { Limit = 1 }).ToListAsync();
        var refused = await client.SecurityEvents.ListAsync(new SecurityEventListOptions { Action = SecurityAction.Refuse, Rule = "geofence-source" });
        var byNumber = await client.SecurityEvents.ListAsync(new SecurityEventListOptions
        {
            Number = "15550002", Address = "203.0.113.9", From = at.AddSeconds(30), To = at.AddMinutes(2),
        });
        var theirs = await other.SecurityEvents.ListAsync();
        var bans = await platform.SecurityEvents.ListAsync(new SecurityEventListOptions { Action = SecurityAction.Ban });

        Assert.Equal(2, mine.Count);
        Assert.All(mine, e => Assert.Equal(tenantId, e.TenantId));
        Assert.Equal(("15550001", "geofence-source"), (Assert.Single(refused.Data).Caller, refused.Data[0].Rule));
        Assert.Equal(SecurityAction.Monitor, Assert.Single(byNumber.Data).Action);
        Assert.Equal("198.51.100.1", Assert.Single(theirs.Data).Address);
        Assert.Equal("192.0.2.1", Assert.Single(bans.Data).Address);
    }

    private static Domain.SecurityEvent Event(string? tenantId, string rule, Domain.SecurityAction action, string address, string? caller, DateTimeOffset at) => new()
    {
        OccurredAt = at.UtcDateTime, Rule = rule, Action = action, Address = address, TenantId = tenantId, Caller = caller, Callee = "4420700001",
        Count = 1, Threshold = 1, WindowSeconds = 0, Evidence = $"INVITE from {address}",
    };
}

using System.Net;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>Geofencing through the SDK: range sets, their ranges (one by one, CSV, a MaxMind-format file), geofences.</summary>
public sealed class GeofencingTests
{
    [Fact]
    public async Task A_range_set_and_its_ranges_round_trip_one_by_one()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Ranges");
        using var client = app.Sdk(key);

        var set = await client.IpRangeSets.CreateAsync(new IpRangeSetOptions { Name = "Partners" });
        var block = await client.IpRanges.CreateAsync(set.Id, new IpRangeOptions { Cidr = "203.0.113.0/24" });
        var counted = await client.IpRanges.CreateAsync(set.Id, new IpRangeOptions { Start = "198.51.100.10", Count = 5 });
        var read = await client.IpRanges.GetAsync(set.Id, counted.Id);
        var ranges = await client.IpRanges.ListAutoPagingAsync(set.Id, new ListOptions { Limit = 1 }).ToListAsync();
        await client.IpRanges.DeleteAsync(set.Id, block.Id);
        var renamed = await client.IpRangeSets.UpdateAsync(set.Id, new IpRangeSetOptions { Name = "Partners EU", Description = "EU peers" });
        var listed = await client.IpRangeSets.ListAsync();
        await client.IpRangeSets.DeleteAsync(set.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.IpRangeSets.GetAsync(set.Id));

        Assert.Equal(("203.0.113.0", "203.0.113.255", "203.0.113.0/24"), (block.First, block.Last, block.Cidr));
        Assert.Equal(("198.51.100.10", "198.51.100.14", (string?)null), (read.First, read.Last, read.Cidr));
        Assert.Equal([block.Id, counted.Id], ranges.Select(r => r.Id));
        Assert.Equal(("Partners EU", "EU peers", 1), (renamed.Name, renamed.Description, renamed.RangeCount));
        Assert.Equal(set.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Ranges_are_imported_from_csv_and_from_a_maxmind_file()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Imports");
        using var client = app.Sdk(key);
        var set = await client.IpRangeSets.CreateAsync(new IpRangeSetOptions { Name = "DACH" });
        using var database = new MemoryStream(new MaxMindTestDatabase()
            .Network("198.51.100.0/24", "DE").Network("203.0.113.0/25", "AT").Network("192.0.2.0/24", "US").ToArray());

        var csv = await client.IpRanges.ImportAsync(set.Id, "cidr\n10.0.0.0/8\n172.16.0.0/12\n");
        var maxMind = await client.IpRanges.ImportMaxMindAsync(set.Id, database, ["DE", "AT"], replace: true);
        var ranges = await client.IpRanges.ListAsync(set.Id);
        var badRow = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.IpRanges.ImportAsync(set.Id, "cidr\nnot-a-block\n"));

        Assert.Equal((2, 0), (csv.Imported, csv.Replaced));
        Assert.Equal((2, 2), (maxMind.Imported, maxMind.Replaced));
        Assert.Equal(["198.51.100.0/24", "203.0.113.0/25"], ranges.Data.Select(r => r.Cidr).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badRow.StatusCode);
        Assert.Contains(badRow.Errors.Keys, k => k.StartsWith("row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_geofence_round_trips_and_another_tenant_cannot_see_it()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Fences");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);
        var set = await client.IpRangeSets.CreateAsync(new IpRangeSetOptions { Name = "Home" });

        var fence = await client.Geofences.CreateAsync(new GeofenceOptions { Scope = GeofenceScope.Tenant, IpRangeSetId = set.Id, Mode = GeofenceMode.Allow });
        var read = await client.Geofences.GetAsync(fence.Id);
        var replaced = await client.Geofences.UpdateAsync(fence.Id, new GeofenceOptions
        {
            Scope = GeofenceScope.Tenant, IpRangeSetId = set.Id, Mode = GeofenceMode.Forbidden, RefusalStatus = 488,
        });
        var listed = await client.Geofences.ListAsync();
        var hidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.Geofences.GetAsync(fence.Id));
        await client.Geofences.DeleteAsync(fence.Id);

        Assert.Equal((GeofenceScope.Tenant, (string?)null, GeofenceMode.Allow, 403), (read.Scope, read.TargetId, read.Mode, read.RefusalStatus));
        Assert.Equal((GeofenceMode.Forbidden, 488), (replaced.Mode, replaced.RefusalStatus));
        Assert.Equal(fence.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty((await client.Geofences.ListAsync()).Data);
    }
}

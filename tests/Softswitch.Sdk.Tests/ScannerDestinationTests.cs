using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The scanner honeypot through the SDK: every key lists the numbers, only the platform admin sees sources and forgets one.</summary>
public sealed class ScannerDestinationTests
{
    [Fact]
    public async Task Numbers_are_listed_to_every_key_with_the_source_for_the_admin_and_forgotten_by_the_admin_only()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Tenant");
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        using var tenant = app.Sdk(key);
        var now = DateTime.UtcNow;
        await app.StoreAsync(null, Dialled("88213", "203.0.113.9", now), Dialled("2392", "198.51.100.4", now.AddSeconds(-5)));

        var seenByAdmin = await platform.ScannerDestinations.ListAutoPagingAsync(new ScannerDestinationListOptions { Limit = 1 }).ToListAsync();
        var seenByTenant = await tenant.ScannerDestinations.ListAsync(new ScannerDestinationListOptions { Number = "2392" });
        var refused = await Assert.ThrowsAsync<SoftswitchApiException>(() => tenant.ScannerDestinations.ForgetAsync("2392"));
        await platform.ScannerDestinations.ForgetAsync("2392");
        var left = await platform.ScannerDestinations.ListAsync();

        Assert.Equal(["198.51.100.4", "203.0.113.9"], seenByAdmin.Select(d => d.LastSource).Order());
        var number = Assert.Single(seenByTenant.Data);
        Assert.Equal(("2392", 3L, (string?)null), (number.Number, number.Dials, number.LastSource));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("88213", Assert.Single(left.Data).Number);
    }

    private static Domain.ScannerDestination Dialled(string number, string source, DateTime at) => new()
    {
        Number = number, FirstDialledAt = at.AddMinutes(-1), LastDialledAt = at, Dials = 3, LastSource = source,
    };
}

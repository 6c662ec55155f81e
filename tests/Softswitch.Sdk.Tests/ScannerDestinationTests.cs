using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;
using Domain = Softswitch.Domain;

namespace Softswitch.Sdk.Tests;

/// <summary>The scanner honeypot's numbers through the SDK: listed for every key, forgotten by the platform admin.</summary>
public sealed class ScannerDestinationTests
{
    private static readonly DateTime Dialled = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Every_key_lists_the_numbers_and_only_the_platform_admin_sees_sources_and_forgets()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Tenant");
        using var tenant = app.Sdk(key);
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        await app.StoreAsync(null, Destination("0097259000000"), Destination("882000003"));

        var asTenant = await tenant.ScannerDestinations.ListAsync();
        var one = Assert.Single((await platform.ScannerDestinations.ListAsync(new ScannerDestinationListOptions { Number = "882000003" })).Data);
        var refused = await Assert.ThrowsAsync<SoftswitchApiException>(() => tenant.ScannerDestinations.ForgetAsync("882000003"));
        await platform.ScannerDestinations.ForgetAsync("882000003");
        var missing = await Assert.ThrowsAsync<SoftswitchApiException>(() => platform.ScannerDestinations.ForgetAsync("882000003"));

        Assert.Equal(2, asTenant.Data.Count);
        Assert.All(asTenant.Data, d => Assert.Null(d.LastSource));
        Assert.Equal(("882000003", 3L, "203.0.113.66"), (one.Number, one.Dials, one.LastSource));
        Assert.Equal(new DateTimeOffset(Dialled), one.LastDialledAt);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("0097259000000", Assert.Single((await tenant.ScannerDestinations.ListAsync()).Data).Number);
    }

    private static Domain.ScannerDestination Destination(string number) => new()
    {
        Number = number, FirstDialledAt = Dialled.AddMinutes(-5), LastDialledAt = Dialled, Dials = 3, LastSource = "203.0.113.66",
    };
}

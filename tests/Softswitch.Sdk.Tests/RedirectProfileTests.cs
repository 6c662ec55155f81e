using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>RedirectProfiles</c>: the 3xx redirect client's settings through the SDK.</summary>
public sealed class RedirectProfileTests
{
    [Fact]
    public async Task A_redirect_profile_is_created_read_listed_replaced_and_deleted()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Redirect");
        using var client = app.Sdk(key);

        var created = await client.RedirectProfiles.CreateAsync(new RedirectProfileOptions
        {
            Servers = [new RedirectServerOptions { Uri = "sip:203.0.113.60:5070", TimeoutMilliseconds = 300 }, new RedirectServerOptions { Uri = "https://203.0.113.61/route" }],
            OnFailure = RedirectFailureMode.Refuse, AcceptPrefixes = ["44"], Description = "LCR",
        });
        var read = await client.RedirectProfiles.GetAsync(created.Id);
        var listed = await client.RedirectProfiles.ListAsync();
        var replaced = await client.RedirectProfiles.UpdateAsync(created.Id, new RedirectProfileOptions
        {
            Servers = [new RedirectServerOptions { Uri = "sip:203.0.113.62" }], Enabled = false,
        });
        await client.RedirectProfiles.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.RedirectProfiles.GetAsync(created.Id));

        Assert.Equal(["sip:203.0.113.60:5070", "https://203.0.113.61/route"], read.Servers.Select(s => s.Uri));
        Assert.Equal(300, read.Servers[0].TimeoutMilliseconds);
        Assert.Equal((RedirectFailureMode.Refuse, "LCR", (string?)null, true), (read.OnFailure, read.Description, read.MappingGatewayId, read.Enabled));
        Assert.Equal(["44"], read.AcceptPrefixes);
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal((false, RedirectFailureMode.OwnRoutes), (replaced.Enabled, replaced.OnFailure));
        Assert.Equal("sip:203.0.113.62", Assert.Single(replaced.Servers).Uri);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}

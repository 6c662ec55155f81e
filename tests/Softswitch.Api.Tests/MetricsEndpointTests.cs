using System.Net;
using System.Net.Http.Headers;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>issue 10 §6: the Prometheus scrape at <c>/metrics</c> shows the switch's meters to the platform admin only.</summary>
public sealed class MetricsEndpointTests
{
    private static readonly Dictionary<string, string?> SwitchOnLoopback = new()
    {
        ["Softswitch:Roles"] = "api,switch",
        ["Softswitch:Sip:Address"] = "127.0.0.1",
        ["Softswitch:Sip:Port"] = "0",
        ["Softswitch:Sip:UdpReceivers"] = "1",
    };

    [Fact]
    public async Task The_platform_key_scrapes_the_switch_meters()
    {
        await using var app = new TestApplication(SwitchOnLoopback);
        using var platform = app.PlatformClient();

        using var scrape = await platform.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("softswitch_calls_active", text, StringComparison.Ordinal);
        Assert.Contains("softswitch_sip_messages_received", text, StringComparison.Ordinal);
        Assert.Contains("softswitch_admission_evaluated", text, StringComparison.Ordinal);
        Assert.Contains("softswitch_cdr_append_queue", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_key_is_forbidden_and_no_key_is_unauthorized()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("Curious");
        using var anonymous = app.CreateClient();

        using var asTenant = await tenant.Client.GetAsync("/metrics");
        using var asNobody = await anonymous.GetAsync("/metrics");
        using var withBadKey = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        withBadKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ssk_admin_wrong.key");
        using var asImpostor = await anonymous.SendAsync(withBadKey);

        Assert.Equal(HttpStatusCode.Forbidden, asTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asNobody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asImpostor.StatusCode);
        Assert.DoesNotContain("softswitch_", await asTenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

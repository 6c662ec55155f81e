using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>The README's anti-fraud quick start, request for request: every recommended setting is accepted as written.</summary>
public sealed class AntiFraudQuickStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_recommended_rules_of_the_quick_start_are_accepted()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });

        await tenant.Client.CreateAsync("/v1/trusted-addresses", new { block = "198.51.100.0/24", description = "HQ PBX" });
        using var bound = await tenant.Client.PutJsonAsync($"/v1/accounts/{account}", new
        {
            name = "Acme", credit_limit = 0, status = "active", access_ips = new[] { "198.51.100.7" }, max_concurrent_calls = 60,
            max_calls_per_second = 10, max_call_duration_seconds = 7200, block_premium = true, block_international = false,
        });
        using var home = await tenant.Client.PutJsonAsync("/v1/number-settings", new { home_country = "GB" });
        var rules = new object[]
        {
            new { name = "caller burst", kind = "caller_frequency", warning_level = 20, blocking_level = 30, window_seconds = 60, expire_seconds = 3600, monitor_only = true },
            new { name = "IRSF callee", kind = "callee_frequency", blocking_level = 20, window_seconds = 60, expire_seconds = 3600, monitor_only = true },
            new { name = "wangiri", kind = "no_answer", blocking_level = 5, window_seconds = 300, min_answered_seconds = 5, expire_seconds = 3600, monitor_only = true },
            new { name = "test calls", kind = "distinct_callees", blocking_level = 20, window_seconds = 600, expire_seconds = 3600, count_by = "caller", monitor_only = true },
            new { name = "honeypot", kind = "scanner_destinations", blocking_level = 1, window_seconds = 60, expire_seconds = 604800 },
        };
        foreach (var rule in rules)
        {
            await tenant.Client.CreateAsync("/v1/fraud-rules", rule);
        }

        using var watch = await tenant.Client.PutJsonAsync("/v1/refusal-policies/geofence-source", new { mode = "monitor" });
        using var monitorEvents = await tenant.Client.GetAsync("/v1/security-events?action=monitor", Ct);
        using var wouldBlock = await tenant.Client.GetAsync("/v1/dynamic-blacklist/events?kind=would_block", Ct);
        using var enforce = await tenant.Client.DeleteAsync("/v1/refusal-policies/geofence-source", Ct);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent],
            [bound.StatusCode, home.StatusCode, watch.StatusCode, monitorEvents.StatusCode, wouldBlock.StatusCode, enforce.StatusCode]);
        var stored = await (await tenant.Client.GetAsync("/v1/fraud-rules", Ct)).ReadObjectAsync();
        Assert.Equal(5, stored["data"]!.AsArray().Count);
    }
}

using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>The platform's signalling rules through the API: read, replaced, validated, reset, and the platform's alone.</summary>
public sealed class SignallingRuleApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_platform_reads_the_settings_replaces_them_and_goes_back_to_them()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();

        var configured = await (await platform.GetAsync("/v1/signalling-rules", Ct)).ReadObjectAsync();
        using var put = await platform.PutJsonAsync("/v1/signalling-rules", Rules(floodRequests: 900, monitor: ["flood", "sweep"]));
        var replaced = await (await platform.GetAsync("/v1/signalling-rules", Ct)).ReadObjectAsync();
        using var reset = await platform.DeleteAsync("/v1/signalling-rules", Ct);
        var after = await (await platform.GetAsync("/v1/signalling-rules", Ct)).ReadObjectAsync();

        Assert.Equal(("settings", 500), (configured["origin"]!.GetValue<string>(), configured["flood_requests"]!.GetValue<int>()));
        Assert.Contains("friendly-scanner", configured["scanner_patterns"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("api", 900), (replaced["origin"]!.GetValue<string>(), replaced["flood_requests"]!.GetValue<int>()));
        Assert.Equal(["flood", "sweep"], replaced["monitor_rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["198.51.100.0/24"], replaced["trusted_addresses"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(("settings", 500), (after["origin"]!.GetValue<string>(), after["flood_requests"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Impossible_rules_are_field_errors_and_a_tenant_key_is_refused()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();
        using var tenant = await app.CreateTenantAsync("t");

        using var zero = await platform.PutJsonAsync("/v1/signalling-rules", Rules(floodRequests: 0));
        using var unknownRule = await platform.PutJsonAsync("/v1/signalling-rules", Rules(monitor: ["geofence"]));
        using var shortMax = await platform.PutJsonAsync("/v1/signalling-rules", Rules(banSeconds: 600, maxBanSeconds: 60));
        using var missing = await platform.PutJsonAsync("/v1/signalling-rules", new { flood_requests = 10 });
        using var byTenant = await tenant.Client.PutJsonAsync("/v1/signalling-rules", Rules());
        using var readByTenant = await tenant.Client.GetAsync("/v1/signalling-rules", Ct);

        Assert.NotNull((await zero.ReadObjectAsync())["errors"]?["flood_requests"]);
        Assert.NotNull((await unknownRule.ReadObjectAsync())["errors"]?["monitor_rules"]);
        Assert.NotNull((await shortMax.ReadObjectAsync())["errors"]?["max_ban_seconds"]);
        var errors = (await missing.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("ban_seconds") && errors.ContainsKey("scanner_patterns") && !errors.ContainsKey("flood_requests"), errors.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, byTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByTenant.StatusCode);
    }

    [Fact]
    public async Task Warning_levels_are_optional_and_must_sit_below_their_rules_level()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();

        var configured = await (await platform.GetAsync("/v1/signalling-rules", Ct)).ReadObjectAsync();
        using var tooHigh = await platform.PutJsonAsync("/v1/signalling-rules", WithWarnings(floodWarning: 500, sweepWarning: 0));
        using var put = await platform.PutJsonAsync("/v1/signalling-rules", WithWarnings(floodWarning: 400, sweepWarning: 40));
        var stored = await (await platform.GetAsync("/v1/signalling-rules", Ct)).ReadObjectAsync();

        Assert.Null(configured["flood_warning_requests"]);
        var errors = (await tooHigh.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("flood_warning_requests") && errors.ContainsKey("sweep_warning_users"), errors.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((400, 40), (stored["flood_warning_requests"]!.GetValue<int>(), stored["sweep_warning_users"]!.GetValue<int>()));
        Assert.Null(stored["auth_failures_warning"]);
    }

    private static Dictionary<string, object?> WithWarnings(int floodWarning, int sweepWarning)
    {
        var rules = System.Text.Json.JsonSerializer.SerializeToNode(Rules())!.AsObject()
            .ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
        rules["flood_warning_requests"] = floodWarning;
        rules["sweep_warning_users"] = sweepWarning;
        return rules;
    }

    private static object Rules(int floodRequests = 500, int banSeconds = 300, int maxBanSeconds = 86_400, string[]? monitor = null) => new
    {
        flood_requests = floodRequests,
        flood_window_seconds = 5,
        ban_seconds = banSeconds,
        max_ban_seconds = maxBanSeconds,
        repeat_offence_seconds = 86_400,
        scanner_patterns = new[] { "friendly-scanner", "sipcli" },
        sweep_distinct_users = 50,
        sweep_window_seconds = 60,
        auth_failures_per_address = 10,
        auth_failure_window_seconds = 60,
        phone_auth_failures = 20,
        phone_auth_failure_window_seconds = 3_600,
        trusted_threshold_multiplier = 10,
        trusted_addresses = new[] { "198.51.100.0/24" },
        monitor_rules = monitor ?? [],
    };
}

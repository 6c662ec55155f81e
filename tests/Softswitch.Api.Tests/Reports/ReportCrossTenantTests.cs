using System.Net;
using Softswitch.Api.Tests.Infrastructure;
using static Softswitch.Api.Tests.Reports.ReportFixture;

namespace Softswitch.Api.Tests.Reports;

/// <summary>
/// Every report, the dashboard's data calls among them, shows a tenant only its own calls: rollups are kept per
/// tenant and read through the tenant filter, and a tenant key's Softswitch-Tenant header changes nothing.
/// </summary>
public sealed class ReportCrossTenantTests
{
    private const string Period = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z";

    public static TheoryData<string> Reports =>
    [
        "mapping-gateways", "routing-gateways", "failure-codes", "refusal-rules", "daily", "hourly", "destinations",
        "gateway-areas", "gateway-areas?side=mapping",
    ];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_tenant_sees_only_its_own_calls_in_every_report(string report)
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var (alphaAccount, alphaOther) = await ReportApiTests.SeedAsync(app, alpha);
        var bravoAccount = await bravo.Client.CreateAsync("/v1/accounts", new { name = "Initech", kind = "client", currency = "USD" });
        await InsertAsync(app, bravo.Id, [Call("mgw_bravo", null, bravoAccount, "33142000000", Day1.AddHours(10), 500, 1_000, 1, 0.5m, 0.1m, 480, "account-capacity", ("rgw_bravo", 480))]);
        await FoldAllAsync(app, bravo.Id);
        var path = $"/v1/reports/{report}{(report.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{Period}";

        using var intruder = app.ClientWithKey(bravo.Key, actAsTenant: alpha.Id);
        var seen = await intruder.GetStringAsync(path);
        using var platform = app.ClientWithKey(TestApplication.PlatformKey, actAsTenant: alpha.Id);
        var alphasOwn = await platform.GetStringAsync(path);

        foreach (var alphaId in new[] { TrunkA, TrunkB, PhoneP, VendorV1, VendorV2, alphaAccount, alphaOther, "call-rate", "\"GB\"", "\"US\"" })
        {
            Assert.DoesNotContain(alphaId, seen, StringComparison.Ordinal);
        }

        Assert.Equal(await bravo.Client.GetStringAsync(path), seen);
        Assert.NotEqual(seen, alphasOwn);
        Assert.Equal(await alpha.Client.GetStringAsync(path), alphasOwn);
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found()
    {
        await using var app = new TestApplication();
        using var alpha = await app.CreateTenantAsync("alpha");
        using var bravo = await app.CreateTenantAsync("bravo");
        var (alphaAccount, _) = await ReportApiTests.SeedAsync(app, alpha);

        foreach (var report in new[] { "hourly", "daily" })
        {
            using var response = await bravo.Client.GetAsync($"/v1/reports/{report}?{Period}&account_id={alphaAccount}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_platform_key_needs_a_tenant()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();

        using var response = await platform.GetAsync($"/v1/reports/daily?{Period}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

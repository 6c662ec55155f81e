using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>Issue 9 §3: a subscription reports what calls used of its current period's allowances.</summary>
public sealed class SubscriptionUsageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscription_shows_the_current_periods_usage_and_another_tenant_sees_nothing()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var other = await app.CreateTenantAsync("beta");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 0m });
        var package = await tenant.Client.CreateAsync("/v1/packages", new { name = "UK 100", currency = "USD", free_seconds = 6_000, free_amount = 5m, effective_from = "2026-01-01T00:00:00Z" });
        var subscription = await tenant.Client.CreateAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package, starts_at = "2026-12-01T00:00:00Z" });
        await UsageAsync(app, tenant.Id, subscription, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), 90, 1.25m);
        await UsageAsync(app, tenant.Id, subscription, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), 600, 4m);

        var read = await (await tenant.Client.GetAsync($"/v1/accounts/{account}/subscriptions/{subscription}", Ct)).ReadObjectAsync();
        var listed = (await (await tenant.Client.GetAsync($"/v1/accounts/{account}/subscriptions", Ct)).ReadObjectAsync())["data"]![0]!;
        var foreign = await other.Client.GetAsync($"/v1/accounts/{account}/subscriptions/{subscription}", Ct);

        Assert.Equal((90L, 1.25m), (read["used_seconds"]!.GetValue<long>(), read["used_amount"]!.GetValue<decimal>()));
        Assert.Equal((90L, 1.25m), (listed["used_seconds"]!.GetValue<long>(), listed["used_amount"]!.GetValue<decimal>()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task UsageAsync(TestApplication app, string tenantId, string subscription, DateTime periodStart, long seconds, decimal amount)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), TimeProvider.System);
        db.PackageUsages.Add(new PackageUsage { SubscriptionId = subscription, PeriodStart = periodStart, UsedSeconds = seconds, UsedAmount = amount, CallCount = 1 });
        await db.SaveChangesAsync(Ct);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests;

/// <summary>Issue 8 §4: the scanner honeypot's numbers listed for every key (sources for the admin only), forgotten by the admin, purged by age.</summary>
public sealed class ScannerDestinationApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_key_lists_the_numbers_and_only_the_platform_admin_sees_the_scanners_addresses()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var platform = app.PlatformClient();
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        await StoreAsync(app, Destination("0097259000000", "203.0.113.66", at, dials: 3));

        var asAdmin = Assert.Single((await (await platform.GetAsync("/v1/scanner-destinations", Ct)).ReadObjectAsync())["data"]!.AsArray())!;
        var asTenant = Assert.Single((await (await tenant.Client.GetAsync("/v1/scanner-destinations", Ct)).ReadObjectAsync())["data"]!.AsArray())!;

        Assert.Equal(("0097259000000", 3, "203.0.113.66"), (
            asAdmin["number"]!.GetValue<string>(), asAdmin["dials"]!.GetValue<int>(), asAdmin["last_source"]!.GetValue<string>()));
        Assert.Equal(at.AddMinutes(-5), asAdmin["first_dialled_at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(at, asAdmin["last_dialled_at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("0097259000000", asTenant["number"]!.GetValue<string>());
        Assert.Null(asTenant["last_source"]);
    }

    [Fact]
    public async Task The_list_is_paged_and_filters_by_number()
    {
        await using var app = new TestApplication();
        using var platform = app.PlatformClient();
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        await StoreAsync(app, [.. Enumerable.Range(0, 5).Select(i => Destination($"88200000{i}", "203.0.113.66", at.AddSeconds(i)))]);

        var first = await (await platform.GetAsync("/v1/scanner-destinations?limit=3", Ct)).ReadObjectAsync();
        var cursor = first["next_cursor"]!.GetValue<string>();
        var second = await (await platform.GetAsync($"/v1/scanner-destinations?limit=3&cursor={cursor}", Ct)).ReadObjectAsync();
        var one = await (await platform.GetAsync("/v1/scanner-destinations?number=882000003", Ct)).ReadObjectAsync();
        using var bad = await platform.GetAsync("/v1/scanner-destinations?number=abc", Ct);

        var numbers = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(d => d!["number"]!.GetValue<string>()).ToList();
        Assert.Equal(5, numbers.Distinct().Count());
        Assert.True(first["has_more"]!.GetValue<bool>());
        Assert.False(second["has_more"]!.GetValue<bool>());
        Assert.Equal("882000003", Assert.Single(one["data"]!.AsArray())!["number"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_platform_admin_forgets_a_number_and_a_tenant_key_may_not()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var platform = app.PlatformClient();
        await StoreAsync(app, Destination("0097259000000", "203.0.113.66", DateTime.UtcNow));

        using var byTenant = await tenant.Client.DeleteAsync("/v1/scanner-destinations/0097259000000", Ct);
        using var forgotten = await platform.DeleteAsync("/v1/scanner-destinations/0097259000000", Ct);
        using var again = await platform.DeleteAsync("/v1/scanner-destinations/0097259000000", Ct);
        using var notANumber = await platform.DeleteAsync("/v1/scanner-destinations/abc", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Empty((await (await platform.GetAsync("/v1/scanner-destinations", Ct)).ReadObjectAsync())["data"]!.AsArray());
        await using var db = Platform(app);
        Assert.NotNull((await db.ScannerDestinations.SingleAsync(Ct)).ForgottenAt);
    }

    [Fact]
    public async Task The_purge_job_deletes_numbers_past_the_retention_forgotten_ones_after_a_day_and_the_oldest_beyond_the_cap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var forgottenLongAgo = Destination("111", "203.0.113.1", now.AddDays(-3));
        forgottenLongAgo.ForgottenAt = now.AddDays(-2);
        var forgottenNow = Destination("222", "203.0.113.1", now.AddHours(-3));
        forgottenNow.ForgottenAt = now.AddHours(-1);
        await StoreAsync(app,
            [Destination("333", "203.0.113.1", now.AddDays(-31)), forgottenLongAgo, forgottenNow,
             .. Enumerable.Range(0, 102).Select(i => Destination($"9{i:D3}", "203.0.113.1", now.AddMinutes(-i)))]);
        var settings = Options.Create(new ScannerDestinationOptions { RetentionDays = 30, MaxNumbers = 100 });
        var job = new ScannerDestinationPurgeJob(
            app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), settings, clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ScannerDestinationPurgeJob>.Instance);

        Assert.Equal(4, await job.RunAsync(Ct));
        Assert.Equal(0, await job.RunAsync(Ct));

        await using var db = Platform(app);
        var left = await db.ScannerDestinations.Select(d => d.Number).ToListAsync(Ct);
        Assert.Equal(101, left.Count);
        Assert.Contains("222", left);
        Assert.DoesNotContain("9100", left);
        Assert.DoesNotContain("9101", left);
        Assert.Contains("9099", left);
    }

    private static ScannerDestination Destination(string number, string source, DateTime last, long dials = 1) => new()
    {
        Number = number, FirstDialledAt = last.AddMinutes(-5), LastDialledAt = last, Dials = dials, LastSource = source,
    };

    private static async Task StoreAsync(TestApplication app, params ScannerDestination[] rows)
    {
        await using var db = Platform(app);
        db.ScannerDestinations.AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    private static SoftswitchDbContext Platform(TestApplication app) =>
        new(app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), FixedTenantContext.None, TimeProvider.System);
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Media.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Api.Tests;

/// <summary>The honeypot's numbers as <see cref="ScannerDestinationWriter"/> stores them and <see cref="ScannerDestinationRefresher"/> reads them back.</summary>
public sealed class ScannerDestinationStoreTests
{
    private static readonly IPAddress First = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Second = IPAddress.Parse("::ffff:203.0.113.67");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dials_are_stored_one_row_per_number_with_counts_times_and_the_last_source()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: clock);
        var writer = new ScannerDestinationWriter(Options(app), clock, NullLogger<ScannerDestinationWriter>.Instance);
        var at = clock.GetUtcNow();

        writer.Dialled("0097259000000", First, at);
        writer.Dialled("0097259000000", Second, at.AddSeconds(2));
        writer.Dialled("881600000", First, at.AddSeconds(1));
        await writer.StopAsync(Ct);
        writer.Dialled("0097259000000", First, at.AddSeconds(3));
        await writer.StopAsync(Ct);

        await using var db = Platform(app);
        var row = await db.ScannerDestinations.SingleAsync(d => d.Number == "0097259000000", Ct);
        Assert.Equal((3L, at.UtcDateTime, at.AddSeconds(3).UtcDateTime, "203.0.113.66"), (row.Dials, row.FirstDialledAt, row.LastDialledAt, row.LastSource));
        Assert.Equal(2, await db.ScannerDestinations.CountAsync(Ct));
        Assert.Equal(4, writer.Stored);
    }

    [Fact]
    public async Task A_dial_from_before_a_number_was_forgotten_leaves_it_forgotten_and_a_later_one_records_it_anew()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: clock);
        var forgottenAt = clock.GetUtcNow();
        await using (var db = Platform(app))
        {
            db.ScannerDestinations.Add(new ScannerDestination
            {
                Number = "111", FirstDialledAt = forgottenAt.UtcDateTime.AddDays(-1), LastDialledAt = forgottenAt.UtcDateTime.AddMinutes(-1),
                Dials = 9, LastSource = "203.0.113.1", ForgottenAt = forgottenAt.UtcDateTime,
            });
            await db.SaveChangesAsync(Ct);
        }

        var writer = new ScannerDestinationWriter(Options(app), clock, NullLogger<ScannerDestinationWriter>.Instance);
        writer.Dialled("111", First, forgottenAt.AddSeconds(-1));
        await writer.StopAsync(Ct);
        ScannerDestination stillForgotten;
        await using (var db = Platform(app))
        {
            stillForgotten = await db.ScannerDestinations.AsNoTracking().SingleAsync(Ct);
        }

        writer.Dialled("111", First, forgottenAt.AddSeconds(5));
        await writer.StopAsync(Ct);

        await using var after = Platform(app);
        var anew = await after.ScannerDestinations.SingleAsync(Ct);
        Assert.NotNull(stillForgotten.ForgottenAt);
        Assert.Equal((null, 1L, forgottenAt.AddSeconds(5).UtcDateTime), (anew.ForgottenAt, anew.Dials, anew.FirstDialledAt));
    }

    [Fact]
    public async Task The_refresher_loads_stored_numbers_at_start_and_drops_a_forgotten_one_at_the_next_poll()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication(time: clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = Platform(app, clock))
        {
            db.ScannerDestinations.AddRange(
                new ScannerDestination { Number = "111", FirstDialledAt = now, LastDialledAt = now.AddMinutes(-1), Dials = 1, LastSource = "203.0.113.1" },
                new ScannerDestination { Number = "222", FirstDialledAt = now, LastDialledAt = now.AddDays(-40), Dials = 1, LastSource = "203.0.113.1" });
            await db.SaveChangesAsync(Ct);
        }

        var settings = new ScannerDestinationOptions();
        var honeypot = new ScannerHoneypot(clock, settings);
        var refresher = new ScannerDestinationRefresher(Options(app), honeypot, settings, clock, NullLogger<ScannerDestinationRefresher>.Instance);
        await refresher.RefreshAsync(Ct);
        Assert.Equal(new DateTimeOffset(now.AddMinutes(-1), TimeSpan.Zero), honeypot.LastDialled("111"));
        Assert.Null(honeypot.LastDialled("222"));

        using var platform = app.PlatformClient();
        using (var forgotten = await platform.DeleteAsync("/v1/scanner-destinations/111", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);
        }

        await refresher.RefreshAsync(Ct);
        Assert.Null(honeypot.LastDialled("111"));
    }

    private static DbContextOptions<SoftswitchDbContext> Options(TestApplication app) =>
        app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();

    /// <summary>Stamps rows with the test's clock, so the refresher's "changed since" reads line up with the API's writes.</summary>
    private static SoftswitchDbContext Platform(TestApplication app, TimeProvider? time = null) => new(Options(app), FixedTenantContext.None, time ?? TimeProvider.System);
}

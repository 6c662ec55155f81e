using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;
using Softswitch.Media.Config;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Media;

namespace Softswitch.Switch.Tests.Config;

/// <summary>
/// A refresher that starts while its SQLite file cannot be opened routes from the last good snapshot file, retries the
/// database with a growing pause on the injected clock, and goes back to the database as soon as it answers.
/// </summary>
public sealed class DatabaseDownAtStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("softswitch-db-down-").FullName;

    [Fact]
    public async Task Starts_from_the_snapshot_file_backs_off_and_returns_to_the_database_when_it_answers()
    {
        var file = new LastGoodConfigFile(Path.Combine(_directory, "switch-config.json"));
        var databasePath = Path.Combine(_directory, "softswitch.db");
        string tenantId;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        await using (var good = await SqliteDatabase.CreateAsync())
        {
            tenantId = await SeedAsync(good);
            var writer = new SwitchConfigRefresher(new DatabaseConfigSnapshotLoader(good.Options, clock), new SwitchConfigSource(), clock, new ListLogger<SwitchConfigRefresher>(), file);
            await writer.RefreshAsync(TestContext.Current.CancellationToken);
            await using var platform = good.Platform();
            await platform.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", databasePath + ".ready");
        }

        // Opening a directory as the database fails the way a missing server does.
        Directory.CreateDirectory(databasePath);
        clock.Advance(TimeSpan.FromHours(1));
        var source = new SwitchConfigSource();
        var logger = new ListLogger<SwitchConfigRefresher>();
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>().UseSoftswitchSqlite($"Data Source={databasePath};Pooling=False").Options;
        using var refresher = new SwitchConfigRefresher(new DatabaseConfigSnapshotLoader(options, clock), source, clock, logger, file);

        await refresher.StartAsync(TestContext.Current.CancellationToken);
        var fromFile = refresher.State;
        var routeFromFile = source.Current.FindRoute(tenantId, "441234")?.Prefix;

        // Failed tries so far: the start. The pause doubles from the poll interval: 1 s, then 2 s, then 4 s. The loop
        // runs on the thread pool, so it is let reach its first pause before the clock moves.
        await AdvanceAndSettleAsync(clock, TimeSpan.Zero);
        await AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(1));
        var afterOne = Failures(logger);
        await AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(1.5));
        var beforeTwo = Failures(logger);
        await AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(0.5));
        var afterTwo = Failures(logger);

        Directory.Delete(databasePath);
        File.Move(databasePath + ".ready", databasePath);
        await AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(4));
        var recovered = refresher.State;
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SwitchConfigOrigin.SnapshotFile, fromFile.Origin);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), fromFile.BuiltAt);
        Assert.Equal("44", routeFromFile);
        Assert.Equal((1, 1, 2), (afterOne, beforeTwo, afterTwo));
        Assert.Equal(SwitchConfigOrigin.Database, recovered.Origin);
        Assert.Null(recovered.DatabaseFailingSince);
        Assert.Equal("44", source.Current.FindRoute(tenantId, "441234")?.Prefix);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static int Failures(ListLogger<SwitchConfigRefresher> logger) =>
        logger.Entries.Count(e => e.Level == LogLevel.Error && e.Message.StartsWith("Refreshing the switch configuration failed", StringComparison.Ordinal));

    /// <summary>Moves the fake clock, then lets the refresher's loop run what became due (bounded: it never waits on a timer).</summary>
    private static async Task AdvanceAndSettleAsync(FakeTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(25);
        }
    }

    private static async Task<string> SeedAsync(SqliteDatabase database)
    {
        var tenant = new Tenant { Name = "alpha", SipDomain = "alpha.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        await using var db = database.ForTenant(tenant.Id);
        var vendor = new Account { Name = "Vendor", Kind = AccountKind.Vendor, Currency = "USD" };
        db.Accounts.Add(vendor);
        await db.SaveChangesAsync();
        var gateway = new RoutingGateway { AccountId = vendor.Id, Name = "Vendor GW", Host = "192.0.2.10" };
        db.RoutingGateways.Add(gateway);
        await db.SaveChangesAsync();
        db.Routes.Add(new Route { Name = "UK", Prefix = "44", RoutingGatewayIds = [gateway.Id] });
        await db.SaveChangesAsync();
        return tenant.Id;
    }
}

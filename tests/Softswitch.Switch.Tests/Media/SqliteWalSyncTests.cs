using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;

namespace Softswitch.Switch.Tests.Media;

/// <summary>Group commit on a SQLite file in WAL mode: commits skip their own fsync and share the log's.</summary>
[Collection(SqlitePoolsCollection.Name)]
public sealed class SqliteWalSyncTests
{
    private const int Writers = 64;

    [Fact]
    public async Task Concurrent_commits_on_a_wal_file_share_fsyncs_and_all_land()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        string path;
        await using (var platform = new SoftswitchDbContext(database.Options, FixedTenantContext.None, TimeProvider.System))
        {
            Assert.Equal("wal", await SqliteDatabaseSetup.EnableWalAsync(platform));
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
            await platform.Database.OpenConnectionAsync();
            path = platform.Database.GetDbConnection().DataSource;
            Assert.Equal(1L, await Synchronous(platform));
        }

        var wal = SqliteWriteGate.ForFile(path).Wal;
        var before = wal.Syncs;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await using var db = new SoftswitchDbContext(database.Options, new FixedTenantContext(tenant.Id), TimeProvider.System);
            db.Accounts.Add(new Account { Name = $"a{i}", Kind = AccountKind.Client, Currency = "USD" });
            await db.SaveChangesAsync();
        })));

        var syncs = wal.Syncs - before;
        await using var check = new SoftswitchDbContext(database.Options, new FixedTenantContext(tenant.Id), TimeProvider.System);
        Assert.Equal(Writers, await check.Accounts.CountAsync());
        Assert.InRange(syncs, 1, Writers - 1);
    }

    [Fact]
    public async Task A_file_not_in_wal_mode_keeps_sqlites_full_sync_and_no_group_fsync()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var db = new SoftswitchDbContext(database.Options, FixedTenantContext.None, TimeProvider.System);
        await db.Database.OpenConnectionAsync();
        var wal = SqliteWriteGate.ForFile(db.Database.GetDbConnection().DataSource).Wal;

        db.Tenants.Add(new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" });
        await db.SaveChangesAsync();

        Assert.False(wal.Enabled);
        Assert.Equal(2L, await Synchronous(db));
        Assert.Equal(0, wal.Syncs);
    }

    private static async Task<long> Synchronous(SoftswitchDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

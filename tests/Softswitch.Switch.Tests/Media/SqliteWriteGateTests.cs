using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;
using Softswitch.Media.Cdrs;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Media;

/// <summary>
/// Every writer of the process goes through the SQLite write gate, so none meets SQLITE_BUSY. A busy handler on each
/// connection counts the times SQLite found a lock taken (Microsoft.Data.Sqlite would otherwise sleep 150 ms and retry,
/// hiding it).
/// </summary>
[Collection(SqlitePoolsCollection.Name)]
public sealed class SqliteWriteGateTests
{
    private const int Rounds = 12;

    [Fact]
    public async Task Concurrent_api_cdr_job_and_claim_writers_all_succeed_without_meeting_sqlite_busy()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var busy = new BusyCounter();
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>(database.Options).AddInterceptors(busy).Options;
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        var key = new ApiKey { TenantId = null, Name = "platform", Prefix = "ssk_admin_x", SecretHash = new string('a', ApiKey.SecretHashLength), Scopes = ApiKeyScopes.Read };
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System))
        {
            // As the host runs it: in the default rollback journal, readers hold locks that writers meet too.
            Assert.Equal("wal", await SqliteDatabaseSetup.EnableWalAsync(platform));
            platform.Tenants.Add(tenant);
            platform.ApiKeys.Add(key);
            await platform.SaveChangesAsync();
        }

        var store = new DatabaseCdrStore(options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance);
        SoftswitchDbContext ForTenant() => new(options, new FixedTenantContext(tenant.Id), TimeProvider.System);

        var writers = Enumerable.Range(0, Rounds).SelectMany(round => new Func<Task>[]
        {
            // An API create: one SaveChanges.
            async () =>
            {
                await using var db = ForTenant();
                db.Accounts.Add(new Account { Name = $"a{round}", Kind = AccountKind.Client, Currency = "USD" });
                await db.SaveChangesAsync();
            },

            // The API key's last-used stamp: an ExecuteUpdate outside any transaction.
            async () =>
            {
                await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
                await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, DateTime.UtcNow));
            },

            // An ingress claim: a transaction that takes the claim row, reads, then saves.
            async () =>
            {
                await using var db = ForTenant();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await IngressClaimLock.TakeAsync(db, CancellationToken.None);
                _ = await db.MappingGateways.CountAsync();
                db.RateTables.Add(new RateTable { Name = $"r{round}", Currency = "USD" });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            },

            // The CDR drain's batch, and a Hangfire-style purge (ExecuteDelete).
            () => store.StoreAsync([Final(2 * round, tenant.Id), Final((2 * round) + 1, tenant.Id)], CancellationToken.None),
            async () =>
            {
                await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System);
                await db.IdempotencyRecords.Where(r => r.ExpiresAt < DateTime.UtcNow).ExecuteDeleteAsync();
            },
        }).ToList();

        await Task.WhenAll(writers.Select(Task.Run));

        await using var check = ForTenant();
        Assert.Equal(Rounds, await check.Accounts.CountAsync());
        Assert.Equal(Rounds, await check.RateTables.CountAsync());
        Assert.Equal(2 * Rounds, await check.Cdrs.CountAsync());
        Assert.Equal(0, busy.Count);
    }

    [Fact]
    public async Task A_writer_that_bypasses_the_gate_meets_sqlite_busy_while_a_gated_transaction_is_open()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var busy = new BusyCounter();
        await using var db = new SoftswitchDbContext(database.Options, FixedTenantContext.None, TimeProvider.System);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await IngressClaimLock.TakeAsync(db, CancellationToken.None);

        var path = db.Database.GetDbConnection().DataSource;
        await using var raw = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=1");
        await raw.OpenAsync();
        busy.Watch(raw);
        await using var begin = raw.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";

        var refused = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());

        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
        Assert.True(busy.Count > 0);
    }

    /// <summary>Installs a busy handler on every connection it sees opened; the handler counts and gives up at once.</summary>
    private sealed class BusyCounter : DbConnectionInterceptor
    {
        private readonly BusyHandler _handler;
        private int _count;

        public BusyCounter() => _handler = (_, _) =>
        {
            Interlocked.Increment(ref _count);
            return 0;
        };

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int BusyHandler(IntPtr state, int tries);

        public int Count => Volatile.Read(ref _count);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Watch(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Watch(connection);
            return Task.CompletedTask;
        }

        public void Watch(DbConnection connection)
        {
            var result = SetBusyHandler(((SqliteConnection)connection).Handle!.DangerousGetHandle(), _handler, IntPtr.Zero);
            Assert.Equal(0, result);
        }

        // SQLitePCLRaw does not expose sqlite3_busy_handler; the library it loads does. DllImport rather than
        // LibraryImport: the generated stubs need unsafe code, which this project does not allow.
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler", CallingConvention = CallingConvention.Cdecl)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int SetBusyHandler(IntPtr db, BusyHandler handler, IntPtr state);
    }
}

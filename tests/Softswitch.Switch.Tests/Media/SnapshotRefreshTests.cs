using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Media.Config;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Tests.Media;

public sealed partial class SnapshotRefreshTests
{
    [Fact]
    public async Task Snapshot_sees_inserts_updates_and_deletes_and_skips_rebuilds_when_nothing_changed()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await SeedAsync(database);
        var source = new SwitchConfigSource();
        var refresher = new SwitchConfigRefresher(
            new DatabaseConfigSnapshotLoader(database.Options, TimeProvider.System), source, TimeProvider.System,
            NullLogger<SwitchConfigRefresher>.Instance);

        var first = await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var unchanged = await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var routeBefore = source.Current.FindRoute(tenantId, "442071234567")?.Id;

        await using (var db = database.ForTenant(tenantId))
        {
            db.Routes.Add(new Route { Name = "London", Prefix = "4420", RoutingGatewayIds = [await db.RoutingGateways.Select(g => g.Id).SingleAsync()] });
            await db.SaveChangesAsync();
        }

        var afterInsert = await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var routeAfterInsert = source.Current.FindRoute(tenantId, "442071234567")?.Prefix;

        await using (var db = database.ForTenant(tenantId))
        {
            var gateway = await db.RoutingGateways.SingleAsync();
            gateway.Status = GatewayStatus.Disabled;
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var gatewaysAfterDisable = source.Current.FindRoute(tenantId, "442071234567")!.Gateways.Count;

        await using (var db = database.ForTenant(tenantId))
        {
            db.Routes.Remove(await db.Routes.SingleAsync(r => r.Prefix == "4420"));
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.True(first);
        Assert.False(unchanged);
        Assert.NotNull(routeBefore);
        Assert.True(afterInsert);
        Assert.Equal("4420", routeAfterInsert);
        Assert.Equal(0, gatewaysAfterDisable);
        Assert.Equal("44", source.Current.FindRoute(tenantId, "442071234567")?.Prefix);
        Assert.Equal(4, source.Current.Version);
    }

    [Fact]
    public async Task Snapshot_holds_every_tenant_and_the_first_load_happens_at_start()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var alpha = await SeedAsync(database, "alpha");
        var bravo = await SeedAsync(database, "bravo");
        var source = new SwitchConfigSource();
        using var refresher = new SwitchConfigRefresher(
            new DatabaseConfigSnapshotLoader(database.Options, TimeProvider.System), source, TimeProvider.System,
            NullLogger<SwitchConfigRefresher>.Instance);

        await refresher.StartAsync(TestContext.Current.CancellationToken);
        var snapshot = source.Current;
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal([alpha, bravo], snapshot.Tenants.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(snapshot.FindPhone("alpha.example.net", "1001"));
        Assert.NotNull(snapshot.FindPhone("bravo.example.net", "1001"));
    }

    [Fact]
    public async Task A_refresh_reads_only_the_changed_rows_of_changed_tables_and_a_whole_table_after_a_delete()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await SeedAsync(database);
        var reads = new TableReads();
        // After the seeded rows, which the system clock stamped: a row stamped before the newest read is a late commit.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(1));
        var source = new SwitchConfigSource();
        var refresher = CountingRefresher(database, reads, source, time);
        SoftswitchDbContext Tenant() => new(database.Options, new FixedTenantContext(tenantId), time);

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var firstLoad = reads.Take();

        time.Advance(TimeSpan.FromSeconds(1));
        await using (var db = Tenant())
        {
            db.Accounts.Add(new Account { Name = "New client", Kind = AccountKind.Client, Currency = "USD" });
            await db.SaveChangesAsync();
        }

        var rebuilt = await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var afterAccountInsert = reads.Take();
        var accounts = source.Current.Tenants[tenantId].Accounts.Count;

        time.Advance(TimeSpan.FromSeconds(1));
        await using (var db = Tenant())
        {
            var gateway = await db.RoutingGateways.SingleAsync();
            gateway.Status = GatewayStatus.Disabled;
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var afterGatewayUpdate = reads.Take();
        var gatewaysOnRoute = source.Current.FindRoute(tenantId, "442071234567")!.Gateways.Count;

        await using (var db = Tenant())
        {
            db.Phones.Remove(await db.Phones.SingleAsync());
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var afterPhoneDelete = reads.Take();

        Assert.Equal(["all Accounts", "all MappingGateways", "all NumberGroups", "all Phones", "all Routes", "all RoutingGateways", "all Tenants"], firstLoad);
        Assert.True(rebuilt);
        Assert.Equal(["updated Accounts"], afterAccountInsert);
        Assert.Equal(3, accounts);
        Assert.Equal(["updated RoutingGateways"], afterGatewayUpdate);
        Assert.Equal(0, gatewaysOnRoute);
        Assert.Equal(["all Phones", "updated Phones"], afterPhoneDelete);
        Assert.Null(source.Current.FindPhone("alpha.example.net", "1001"));
        Assert.Equal(4, source.Current.Version);
    }

    [Fact]
    public async Task A_row_stamped_before_the_newest_row_read_is_still_seen_by_reading_the_whole_table()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await SeedAsync(database);
        var reads = new TableReads();
        var source = new SwitchConfigSource();
        var refresher = CountingRefresher(database, reads, source, TimeProvider.System);
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        reads.Take();

        // A save stamped an hour ago that commits only now: a writer that waited, or another node's slow clock.
        var late = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-1));
        await using (var db = new SoftswitchDbContext(database.Options, new FixedTenantContext(tenantId), late))
        {
            db.Accounts.Add(new Account { Name = "Late client", Kind = AccountKind.Client, Currency = "USD" });
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["all Accounts", "updated Accounts"], reads.Take());
        Assert.Contains(source.Current.Tenants[tenantId].Accounts.Values, a => a.Name == "Late client");
    }

    [Fact]
    public async Task A_row_that_commits_shortly_after_a_newer_one_is_read_without_the_whole_table()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await SeedAsync(database);
        var reads = new TableReads();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(1));
        var source = new SwitchConfigSource();
        var refresher = CountingRefresher(database, reads, source, time);
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        reads.Take();

        // Two writers: the first stamps its row, waits for the write gate, and commits after the second's newer row
        // has committed and been read.
        var firstStamp = new FakeTimeProvider(time.GetUtcNow());
        time.Advance(DatabaseConfigSnapshotLoader.CommitLag / 2);
        await AddAccountAsync(database, tenantId, time, "Second writer");
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        reads.Take();
        await AddAccountAsync(database, tenantId, firstStamp, "First writer");
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["updated Accounts"], reads.Take());
        Assert.Contains(source.Current.Tenants[tenantId].Accounts.Values, a => a.Name == "First writer");
    }

    [Fact]
    public async Task Rows_committed_after_the_fingerprint_are_read_with_their_fingerprint_in_one_statement()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await SeedAsync(database);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(1));
        var statements = new AccountStatements(name => AddAccountAsync(database, tenantId, time, name));
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>(database.Options).AddInterceptors(statements).Options;
        var source = new SwitchConfigSource();
        var refresher = new SwitchConfigRefresher(
            new DatabaseConfigSnapshotLoader(options, time), source, time, NullLogger<SwitchConfigRefresher>.Instance);
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        statements.Take();

        time.Advance(TimeSpan.FromSeconds(1));
        await AddAccountAsync(database, tenantId, time, "Before the refresh");
        statements.WriteBeforeNextDeltaRead();
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["fingerprint", "changed rows with fingerprint"], statements.Take());
        Assert.Equal(
            ["Before the refresh", "Client", "Landed before the read", "Vendor"],
            source.Current.Tenants[tenantId].Accounts.Values.Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    private static async Task AddAccountAsync(SqliteDatabase database, string tenantId, TimeProvider stamp, string name)
    {
        await using var db = new SoftswitchDbContext(database.Options, new FixedTenantContext(tenantId), stamp);
        db.Accounts.Add(new Account { Name = name, Kind = AccountKind.Client, Currency = "USD" });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The statements that read the accounts table, in order; once told, commits an account just before the next read
    /// of changed accounts, as a writer does whose commit lands between the refresher's fingerprint and its read.
    /// </summary>
    private sealed class AccountStatements(Func<string, Task> write) : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _statements = new();
        private int _armed;

        public void WriteBeforeNextDeltaRead() => Interlocked.Exchange(ref _armed, 1);

        public string[] Take()
        {
            var taken = new List<string>();
            while (_statements.TryDequeue(out var statement))
            {
                taken.Add(statement);
            }

            return [.. taken];
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText;
            if (sql.Contains("FROM \"Accounts\"", StringComparison.Ordinal))
            {
                var changed = sql.Contains("WHERE", StringComparison.Ordinal);
                var counts = sql.Contains("COUNT(", StringComparison.Ordinal);
                if (changed && Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    await write("Landed before the read");
                }

                _statements.Enqueue((changed, counts) switch
                {
                    (true, true) => "changed rows with fingerprint",
                    (true, false) => "changed rows",
                    (false, true) => "fingerprint",
                    _ => "all rows",
                });
            }

            return result;
        }
    }

    /// <summary>
    /// The tables whose rows a query read: "all" for the whole table, "updated" for rows updated since a time (with
    /// or without the fingerprint's aggregates; the fingerprint read alone is not counted).
    /// </summary>
    private sealed partial class TableReads : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _reads = new();

        public string[] Take()
        {
            var taken = new List<string>();
            while (_reads.TryDequeue(out var read))
            {
                taken.Add(read);
            }

            return [.. taken.Order(StringComparer.Ordinal)];
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText;
            var changed = sql.Contains("WHERE", StringComparison.Ordinal);
            if ((changed || !sql.Contains("COUNT(", StringComparison.Ordinal)) && FromTable().Match(sql) is { Success: true } from)
            {
                _reads.Enqueue($"{(changed ? "updated" : "all")} {from.Groups[1].Value}");
            }

            return ValueTask.FromResult(result);
        }

        [GeneratedRegex("""FROM "(\w+)" AS""")]
        private static partial Regex FromTable();
    }

    /// <summary>A refresher whose loader's statements are counted by <paramref name="reads"/>.</summary>
    private static SwitchConfigRefresher CountingRefresher(SqliteDatabase database, TableReads reads, SwitchConfigSource source, TimeProvider time)
    {
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>(database.Options).AddInterceptors(reads).Options;
        return new SwitchConfigRefresher(new DatabaseConfigSnapshotLoader(options, time), source, time, NullLogger<SwitchConfigRefresher>.Instance);
    }

    private static async Task<string> SeedAsync(SqliteDatabase database, string name = "alpha")
    {
        var tenant = new Tenant { Name = name, SipDomain = $"{name}.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync();
        }

        await using var db = database.ForTenant(tenant.Id);
        var client = new Account { Name = "Client", Kind = AccountKind.Client, Currency = "USD" };
        var vendor = new Account { Name = "Vendor", Kind = AccountKind.Vendor, Currency = "USD" };
        db.Accounts.AddRange(client, vendor);
        await db.SaveChangesAsync();
        var phone = new Phone { AccountId = client.Id, Username = "1001" };
        phone.SetPassword(tenant.SipDomain, "secret");
        var gateway = new RoutingGateway { AccountId = vendor.Id, Name = "Vendor GW", Host = "192.0.2.10" };
        db.Phones.Add(phone);
        db.RoutingGateways.Add(gateway);
        db.MappingGateways.Add(new MappingGateway { AccountId = client.Id, Name = "In", SourceAddresses = ["198.51.100.7"] });
        await db.SaveChangesAsync();
        db.Routes.Add(new Route { Name = "UK", Prefix = "44", RoutingGatewayIds = [gateway.Id] });
        await db.SaveChangesAsync();
        return tenant.Id;
    }
}

using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Reports;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;

namespace Softswitch.Benchmarks;

/// <summary>
/// <c>/v1/reports/balance-history</c> as its endpoint reads it, over a SQLite file of one tenant's 30 accounts (20 USD,
/// 10 EUR) and 1,000,000 ledger entries over 30 days (a posting per account every 78 s or so, as the CDR batches of a
/// busy account post them). Built once and kept (the path is printed); delete the file to build it again.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class BalanceHistoryBenchmarks : IDisposable
{
    private const int Accounts = 30;
    private const int Entries = 1_000_000;
    private const string TenantId = "ten_balance_bench";
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Span = TimeSpan.FromDays(30);
    private SoftswitchDbContext _db = null!;

    private static string Path => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "softswitch-balance-bench", "ledger.db");

    [GlobalSetup]
    public void Setup()
    {
        if (!File.Exists(Path))
        {
            BuildAsync().GetAwaiter().GetResult();
        }

        Console.WriteLine($"// using {Path}");
        _db = new SoftswitchDbContext(Options(Path), new FixedTenantContext(TenantId), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The dashboard's default: every account, per hour, the last 7 days of the ledger (168 intervals).</summary>
    [Benchmark]
    public Task<int> AllAccountsHourlyWeek() => Count(null, Start + Span - TimeSpan.FromDays(7), Start + Span, TimeSpan.FromHours(1));

    /// <summary>The longest hourly history: one account, 31 days (744 intervals).</summary>
    [Benchmark]
    public Task<int> OneAccountHourlyMonth() => Count("acc_bench_07", Start, Start + TimeSpan.FromDays(31), TimeSpan.FromHours(1));

    /// <summary>Every account per day over the 30 days.</summary>
    [Benchmark]
    public Task<int> AllAccountsDailyMonth() => Count(null, Start, Start + Span, TimeSpan.FromDays(1));

    private async Task<int> Count(string? account, DateTime from, DateTime to, TimeSpan step) =>
        (await BalanceHistoryReader.ReadAsync(_db, account, new BalanceHistoryPeriod(from, to, step), CancellationToken.None)).Count;

    private static DbContextOptions<SoftswitchDbContext> Options(string path) =>
        new DbContextOptionsBuilder<SoftswitchDbContext>().UseSoftswitchSqlite($"Data Source={path}").Options;

    private static async Task BuildAsync()
    {
        // Built under another name and renamed when complete, so an interrupted build is never taken for a finished one.
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var building = Path + ".building";
        File.Delete(building);
        var options = Options(building);
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System))
        {
            await platform.Database.MigrateAsync();
            await SqliteDatabaseSetup.EnableWalAsync(platform);
            platform.Tenants.Add(new Tenant { Id = TenantId, Name = "Balance bench", SipDomain = "balance.example.net", DefaultCurrency = "USD" });
            await platform.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        var balances = new decimal[Accounts];
        var sequences = new long[Accounts];
        await using (var db = new SoftswitchDbContext(options, new FixedTenantContext(TenantId), TimeProvider.System))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var a = 0; a < Accounts; a++)
            {
                db.Accounts.Add(new Account { Id = $"acc_bench_{a:D2}", Name = $"Bench {a}", Kind = AccountKind.Client, Currency = a < 20 ? "USD" : "EUR" });
            }

            await db.SaveChangesAsync();
            for (var i = 0; i < Entries; i++)
            {
                var a = random.Next(Accounts);
                var topUp = sequences[a] == 0 || random.Next(200) == 0;
                var amount = topUp ? 500m : -Math.Round((decimal)random.NextDouble() * 2m, 4);
                balances[a] += amount;
                db.LedgerEntries.Add(new LedgerEntry
                {
                    Id = $"led_bench_{i:D9}", AccountId = $"acc_bench_{a:D2}", Sequence = ++sequences[a], Kind = topUp ? LedgerEntryKind.TopUp : LedgerEntryKind.CallCharges,
                    Amount = amount, BalanceAfter = balances[a], Actor = "bench",
                });
                if (i % 20_000 == 19_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();

            // The context stamps every row with its clock's now: spread the postings evenly over the 30 days instead
            // (entry i at Start + i × 2.592 s), in the text form the provider stores times in.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE LedgerEntries SET CreatedAt = strftime('%Y-%m-%d %H:%M:%f', '2026-11-01 00:00:00', '+' || (CAST(substr(Id, 11) AS INTEGER) * 2.592) || ' seconds')");
        }

        Console.WriteLine($"// inserted {Entries:N0} ledger entries in {clock.Elapsed.TotalSeconds:F1} s");
        await using (var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        File.Delete(building + "-wal");
        File.Delete(building + "-shm");
    }

    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}

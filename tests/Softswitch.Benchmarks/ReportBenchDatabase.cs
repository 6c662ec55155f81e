using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Data.Cdrs;
using Softswitch.Data.Sqlite;
using Softswitch.Domain;
using Softswitch.Worker.Jobs;
using Softswitch.Worker.Rollups;

namespace Softswitch.Benchmarks;

/// <summary>
/// A SQLite file holding one tenant's 1,000,000 CDRs over 30 days, stored in setup order (about 1,400 an hour: 60 trunks and 10 phones on 30
/// accounts, 20 vendors, 20 destination countries weighted towards a few, 1 to 3 attempts, a tenth refused), folded
/// into rollups by the real job (whatever is not folded yet is folded at each start). Built once and kept (the path is
/// printed); delete the file to build it again.
/// </summary>
public static class ReportBenchDatabase
{
    public const int CdrCount = 1_000_000;
    public const string TenantId = "ten_report_bench";
    public static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Span = TimeSpan.FromDays(30);

    private static readonly string[] Destinations =
    [
        "44207946", "447400", "1212555", "33142", "4930", "3906", "3491", "8613", "9122", "5511",
        "6128", "8190", "2348", "2012", "9715", "7495", "6598", "6221", "6328", "2771",
    ];

    private static readonly string[] Rules = ["call-rate", "account-access-ip", "account-capacity", "number-list", "geofence-source"];
    private static readonly int[] FailureCodes = [486, 487, 404, 408, 480, 503];

    public static string Path => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "softswitch-report-bench", "reports.db");

    public static DbContextOptions<SoftswitchDbContext> Options(string? path = null) =>
        new DbContextOptionsBuilder<SoftswitchDbContext>().UseSoftswitchSqlite($"Data Source={path ?? Path}").Options;

    public static async Task EnsureAsync()
    {
        if (!File.Exists(Path))
        {
            await BuildAsync();
        }

        Console.WriteLine($"// using {Path}");
        var clock = Stopwatch.StartNew();
        var job = new CdrRollupJob(Options(), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new CdrRollupOptions { MaxCdrsPerTenantPerRun = CdrCount }),
            NullLogger<CdrRollupJob>.Instance);
        var folded = await job.FoldTenantAsync(TenantId, DateTime.UtcNow.AddMinutes(1), CancellationToken.None);
        await using var db = new SoftswitchDbContext(Options(), new FixedTenantContext(TenantId), TimeProvider.System);
        Console.WriteLine($"// folded {folded:N0} CDRs in {clock.Elapsed.TotalSeconds:F1} s; {await db.CdrRollups.CountAsync():N0} rollup rows");
    }

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
            platform.Tenants.Add(new Tenant { Id = TenantId, Name = "Report bench", SipDomain = "bench.example.net", DefaultCurrency = "USD" });
            await platform.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        await using (var db = new SoftswitchDbContext(options, new FixedTenantContext(TenantId), TimeProvider.System))
        {
            var insert = CdrBatchInsert.For(db);
            var batch = new List<Cdr>(10_000);
            for (var i = 0; i < CdrCount; i++)
            {
                batch.Add(Next(random, i));
                if (batch.Count == batch.Capacity)
                {
                    await insert.InsertAsync(db, batch, DateTimeOffset.UtcNow, CancellationToken.None);
                    batch.Clear();
                }
            }

            await insert.InsertAsync(db, batch, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        Console.WriteLine($"// inserted {CdrCount:N0} CDRs in {clock.Elapsed.TotalSeconds:F1} s");
        await using (var db = new SoftswitchDbContext(options, FixedTenantContext.None, TimeProvider.System))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, Path);
        File.Delete(building + "-wal");
        File.Delete(building + "-shm");
    }

    private static Cdr Next(Random random, int i)
    {
        // Stored in about the order calls end, as the switch stores them: setup times rise, give or take a minute.
        var setup = Start + TimeSpan.FromTicks((Span.Ticks / CdrCount * i) + random.NextInt64(TimeSpan.TicksPerMinute));
        var trunk = random.Next(70);
        var account = $"acc_bench_{trunk % 30:D2}";
        // Most traffic goes to a few countries, as a carrier's does.
        var country = Destinations[(int)(Math.Pow(random.NextDouble(), 2.5) * Destinations.Length)];
        var callee = country + random.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..(12 - country.Length)];
        var refused = random.Next(10) == 0;
        var attempts = new List<CdrAttempt>();
        var answered = false;
        if (!refused)
        {
            var tries = 1 + random.Next(3);
            for (var t = 0; t < tries && !answered; t++)
            {
                answered = random.Next(100) < 55;
                var code = answered ? 200 : FailureCodes[random.Next(FailureCodes.Length)];
                attempts.Add(new CdrAttempt { RoutingGatewayId = $"rgw_bench_{random.Next(20):D2}", CalleeSent = callee, StartedAt = setup, ResponseCode = code });
            }
        }

        var pdd = random.Next(500, 6_000);
        var duration = answered ? random.Next(5_000, 600_000) : 0;
        var billed = answered ? (duration / 60_000 + 1) * 60 : 0;
        return new Cdr
        {
            Id = $"cdr_bench_{i:D9}",
            TenantId = TenantId,
            CallId = $"bench-{i}",
            AccountId = account,
            MappingGatewayId = trunk < 60 ? $"mgw_bench_{trunk:D2}" : null,
            PhoneId = trunk < 60 ? null : $"phn_bench_{trunk:D2}",
            RoutingGatewayId = attempts.Count > 0 ? attempts[^1].RoutingGatewayId : null,
            CallerReceived = "4420000000",
            CalleeReceived = callee,
            CalleeSent = attempts.Count > 0 ? callee : null,
            SetupAt = setup,
            AnswerAt = answered ? setup.AddMilliseconds(pdd) : null,
            EndAt = setup.AddMilliseconds(pdd + duration),
            PddMilliseconds = pdd,
            DurationMilliseconds = duration,
            FinalCode = refused ? 403 : attempts[^1].ResponseCode,
            RefusalRule = refused ? Rules[random.Next(Rules.Length)] : null,
            BilledSeconds = billed,
            Charge = answered ? Math.Round(billed / 60m * 0.012m, 6) : null,
            Cost = answered ? Math.Round(billed / 60m * 0.009m, 6) : null,
            Attempts = attempts,
        };
    }
}

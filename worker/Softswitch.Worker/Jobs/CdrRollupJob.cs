using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Rollups;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Folds newly stored CDRs into the hourly <see cref="CdrRollup"/> rows the reports read, tenant by tenant, off the
/// call path and off the CDR insert path. Each batch reads the CDRs stored after the tenant's
/// <see cref="CdrRollupWatermark"/>, adds them to their hours' rows and moves the watermark, all in one transaction:
/// a crash repeats nothing and loses nothing, and a second run finds nothing to add twice.
/// </summary>
public sealed partial class CdrRollupJob(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, IOptions<CdrRollupOptions> settings, ILogger<CdrRollupJob> logger)
{
    // SQL Server takes at most 2,100 parameters per command.
    private const int HoursPerQuery = 500;
    private const int CorrectionsPerBatch = 500;

    private static readonly RollupDimension[] Dimensions = Enum.GetValues<RollupDimension>();

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<string> tenants;
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, time))
        {
            tenants = await platform.Tenants.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var settledBefore = time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(settings.Value.SettleSeconds);
        var total = 0;
        foreach (var tenantId in tenants)
        {
            total += await FoldTenantAsync(tenantId, settledBefore, cancellationToken);
        }

        if (total > 0)
        {
            LogFolded(logger, total, tenants.Count);
        }

        return total;
    }

    /// <summary>Folds the tenant's CDRs stored before <paramref name="settledBefore"/>, up to the per-run bound.</summary>
    public async Task<int> FoldTenantAsync(string tenantId, DateTime settledBefore, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        string? homeCountry;
        await using (var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time))
        {
            // Read-only first: an idle tenant costs two reads a run, not a write transaction.
            var mark = await db.CdrRollupWatermarks.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (!await Unfolded(db.Cdrs, mark, settledBefore).AnyAsync(cancellationToken)
                && !await db.CdrCorrections.AnyAsync(c => c.RollupPending, cancellationToken))
            {
                return 0;
            }

            homeCountry = await db.NumberSettings.AsNoTracking().Select(s => s.HomeCountry).FirstOrDefaultAsync(cancellationToken);
        }

        var destinations = new DestinationClassifier(homeCountry);
        var folded = 0;
        while (folded < limits.MaxCdrsPerTenantPerRun)
        {
            var batch = Math.Min(limits.BatchSize, limits.MaxCdrsPerTenantPerRun - folded);
            var count = await FoldBatchAsync(tenantId, destinations, settledBefore, batch, cancellationToken);
            folded += count;
            if (count < batch)
            {
                break;
            }
        }

        return folded;
    }

    private async Task<int> FoldBatchAsync(
        string tenantId, DestinationClassifier destinations, DateTime settledBefore, int batch, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);

                // The watermark row stands for the decision (Data README): updated first, so a concurrent fold of
                // this tenant waits for this one's commit and then reads the watermark it left.
                await db.CdrRollupWatermarks.ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version), token);
                var mark = await db.CdrRollupWatermarks.SingleOrDefaultAsync(token);
                var cdrs = await Unfolded(db.Cdrs.AsNoTracking(), mark, settledBefore)
                    .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Take(batch)
                    .ToListAsync(token);
                var sums = new RollupAccumulator(destinations);
                await FoldCorrectionsAsync(db, sums, token);
                if (cdrs.Count == 0)
                {
                    await MergeAsync(db, sums.Rows, token);
                    await db.SaveChangesAsync(token);
                    await transaction.CommitAsync(token);
                    return 0;
                }

                foreach (var cdr in cdrs)
                {
                    sums.Add(cdr);
                }

                await MergeAsync(db, sums.Rows, token);
                if (mark is null)
                {
                    mark = new CdrRollupWatermark();
                    db.CdrRollupWatermarks.Add(mark);
                }

                mark.CdrCreatedAt = cdrs[^1].CreatedAt;
                mark.CdrId = cdrs[^1].Id;
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return cdrs.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Charge corrections of CDRs that were already folded when corrected (the correction marked itself pending under
    /// the watermark's lock): their difference goes into the rows the CDR counted in, once.
    /// </summary>
    private static async Task FoldCorrectionsAsync(SoftswitchDbContext db, RollupAccumulator sums, CancellationToken cancellationToken)
    {
        var pending = await db.CdrCorrections.Where(c => c.RollupPending).OrderBy(c => c.Id).Take(CorrectionsPerBatch).ToListAsync(cancellationToken);
        var ids = pending.Select(c => c.CdrId).Distinct().ToList();
        var cdrs = await db.Cdrs.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var correction in pending)
        {
            sums.AddChargeCorrection(cdrs[correction.CdrId], Money.ToMicros(correction.NewCharge) - Money.ToMicros(correction.OldCharge ?? 0m));
            correction.RollupPending = false;
        }
    }

    /// <summary>The CDRs stored after the watermark (all, without one) and before <paramref name="settledBefore"/>.</summary>
    private static IQueryable<Cdr> Unfolded(IQueryable<Cdr> cdrs, CdrRollupWatermark? mark, DateTime settledBefore)
    {
        var since = mark?.CdrCreatedAt ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
        var afterId = mark?.CdrId ?? "";
        return cdrs.Where(c => c.CreatedAt < settledBefore
            && (c.CreatedAt > since || (c.CreatedAt == since && string.Compare(c.Id, afterId) > 0)));
    }

    /// <summary>Adds <paramref name="sums"/> to the stored rows of their hours, creating the rows not there yet.</summary>
    private static async Task MergeAsync(SoftswitchDbContext db, IReadOnlyCollection<CdrRollup> sums, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(RollupDimension, DateTime, string, string), CdrRollup>();
        foreach (var hours in sums.Select(r => r.Hour).Distinct().Chunk(HoursPerQuery))
        {
            var rows = await db.CdrRollups
                .Where(r => Dimensions.Contains(r.Dimension) && hours.Contains(r.Hour))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                stored[(row.Dimension, row.Hour, row.Key, row.SubKey)] = row;
            }
        }

        foreach (var sum in sums)
        {
            if (stored.TryGetValue((sum.Dimension, sum.Hour, sum.Key, sum.SubKey), out var row))
            {
                row.Add(sum);
            }
            else
            {
                db.CdrRollups.Add(sum);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Folded {Count} CDRs of {Tenants} tenants into the report rollups")]
    private static partial void LogFolded(ILogger logger, int count, int tenants);
}

using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Reports;

/// <summary>
/// Sums the current tenant's <see cref="CdrRollup"/> rows of one dimension over a period (the context's tenant filter
/// keeps every query inside the tenant). Reads only the rollups, never the CDRs.
/// </summary>
public static class RollupReader
{
    /// <summary>Sums per (key, sub-key) over the period.</summary>
    public static Task<List<CdrRollup>> ByKeyAsync(
        SoftswitchDbContext db, RollupDimension dimension, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Rows(db, dimension, period)
            .GroupBy(r => new { r.Key, r.SubKey })
            .Select(g => new CdrRollup
            {
                Key = g.Key.Key,
                SubKey = g.Key.SubKey,
                Calls = g.Sum(r => r.Calls),
                Refused = g.Sum(r => r.Refused),
                Attempts = g.Sum(r => r.Attempts),
                Answered = g.Sum(r => r.Answered),
                DurationMilliseconds = g.Sum(r => r.DurationMilliseconds),
                PddMilliseconds = g.Sum(r => r.PddMilliseconds),
                PddCalls = g.Sum(r => r.PddCalls),
                BilledSeconds = g.Sum(r => r.BilledSeconds),
                ChargeMicros = g.Sum(r => r.ChargeMicros),
                CostMicros = g.Sum(r => r.CostMicros),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The rows of one key (the totals' empty key, or one account), hour by hour.</summary>
    public static Task<List<CdrRollup>> HourlyAsync(
        SoftswitchDbContext db, RollupDimension dimension, string key, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Rows(db, dimension, period).Where(r => r.Key == key).OrderBy(r => r.Hour).ThenBy(r => r.SubKey).ToListAsync(cancellationToken);
    }

    /// <summary>CDRs stored before this time are in the rollups; null before the first fold.</summary>
    public static Task<DateTime?> CountedThroughAsync(SoftswitchDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CdrRollupWatermarks.AsNoTracking().Select(w => (DateTime?)w.CdrCreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<CdrRollup> Rows(SoftswitchDbContext db, RollupDimension dimension, ReportPeriod period) =>
        db.CdrRollups.AsNoTracking().Where(r => r.Dimension == dimension && r.Hour >= period.From && r.Hour < period.To);
}

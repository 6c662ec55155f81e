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
        return Sum(Rows(db, dimension, period)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sums per (key, sub-key) over the period, reading the whole UTC days inside it from the <paramref name="daily"/>
    /// twin of the <paramref name="hourly"/> dimension and only the hours at its ends from the hourly rows.
    /// </summary>
    public static async Task<List<CdrRollup>> ByKeyAsync(
        SoftswitchDbContext db, RollupDimension hourly, RollupDimension daily, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var firstDay = period.From.Date == period.From ? period.From : period.From.Date.AddDays(1);
        var lastDay = DateTime.SpecifyKind(period.To.Date, DateTimeKind.Utc);
        if (firstDay >= lastDay)
        {
            return await ByKeyAsync(db, hourly, period, cancellationToken);
        }

        var sums = new Dictionary<(string, string), CdrRollup>();
        foreach (var (dimension, part) in new[]
        {
            (hourly, new ReportPeriod(period.From, DateTime.SpecifyKind(firstDay, DateTimeKind.Utc))),
            (daily, new ReportPeriod(DateTime.SpecifyKind(firstDay, DateTimeKind.Utc), lastDay)),
            (hourly, new ReportPeriod(lastDay, period.To)),
        })
        {
            if (part.From >= part.To)
            {
                continue;
            }

            foreach (var row in await ByKeyAsync(db, dimension, part, cancellationToken))
            {
                if (sums.TryGetValue((row.Key, row.SubKey), out var sum))
                {
                    sum.Add(row);
                }
                else
                {
                    sums[(row.Key, row.SubKey)] = row;
                }
            }
        }

        return [.. sums.Values];
    }

    private static IQueryable<CdrRollup> Sum(IQueryable<CdrRollup> rows) =>
        rows
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
            });

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

using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;
using Softswitch.Domain.Billing;

namespace Softswitch.Data.Billing;

/// <summary>
/// Adds what a batch of new CDRs used of package allowances to the subscriptions' period totals, in the transaction
/// that stores the CDRs (like <see cref="CallChargePosting"/>): usage counts exactly when its CDR is stored, and a CDR
/// replayed from the spool (skipped as already stored) never counts twice.
/// </summary>
public static class PackageUsagePosting
{
    /// <summary>What one subscription period's total gained, and the total and row version after it.</summary>
    public sealed record Posted(string SubscriptionId, DateTime PeriodStart, int Seconds, decimal Amount, long UsedSeconds, decimal UsedAmount, long Version);

    /// <param name="calls">Per call, what each of its shares gave (zero shares are skipped).</param>
    public static async Task<IReadOnlyList<Posted>> PostAsync(SoftswitchDbContext db, IReadOnlyList<IReadOnlyList<PackageShare>> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calls);
        var periods = calls
            .SelectMany((call, index) => call.Where(s => s.Seconds > 0 || s.Amount > 0m).Select(share => (Share: share, Call: index)))
            .GroupBy(x => (x.Share.SubscriptionId, x.Share.PeriodStart))
            .ToList();
        if (periods.Count == 0)
        {
            return [];
        }

        var totals = new List<(PackageUsage Row, int Seconds, decimal Amount)>();
        foreach (var period in periods)
        {
            var (subscriptionId, periodStart) = period.Key;
            var row = await db.PackageUsages.SingleOrDefaultAsync(u => u.SubscriptionId == subscriptionId && u.PeriodStart == periodStart, cancellationToken);
            if (row is null)
            {
                row = new PackageUsage { SubscriptionId = subscriptionId, PeriodStart = periodStart };
                db.PackageUsages.Add(row);
            }

            var seconds = period.Sum(x => x.Share.Seconds);
            var amount = period.Sum(x => x.Share.Amount);
            row.UsedSeconds += seconds;
            row.UsedAmount += amount;
            row.CallCount += period.Select(x => x.Call).Distinct().Count();
            totals.Add((row, seconds, amount));
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. totals.Select(t => new Posted(t.Row.SubscriptionId, t.Row.PeriodStart, t.Seconds, t.Amount, t.Row.UsedSeconds, t.Row.UsedAmount, t.Row.Version))];
    }
}

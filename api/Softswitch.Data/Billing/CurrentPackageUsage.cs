using Microsoft.EntityFrameworkCore;
using Softswitch.Domain;

namespace Softswitch.Data.Billing;

/// <summary>What stored CDRs have used of subscriptions' allowances in their current period (the last one paid).</summary>
public static class CurrentPackageUsage
{
    public static DateTime CurrentPeriodStart(Subscription subscription) =>
        PackageBilling.PeriodStart(subscription, Math.Max(0, subscription.PeriodsPaid - 1));

    /// <summary>Each subscription's current-period usage, by subscription id; a subscription with none is absent.</summary>
    public static async Task<IReadOnlyDictionary<string, PackageUsage>> ForAsync(
        SoftswitchDbContext db, IReadOnlyCollection<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var current = subscriptions.ToDictionary(s => s.Id, CurrentPeriodStart, StringComparer.Ordinal);
        var rows = await db.PackageUsages.AsNoTracking().Where(u => ids.Contains(u.SubscriptionId)).ToListAsync(cancellationToken);
        return rows.Where(u => current[u.SubscriptionId] == u.PeriodStart).ToDictionary(u => u.SubscriptionId, StringComparer.Ordinal);
    }
}

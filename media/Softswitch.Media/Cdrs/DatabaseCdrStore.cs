using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Data.Cdrs;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Media.Cdrs;

/// <summary>
/// Stores CDR batches in the control-plane database, one tenant at a time through a context fixed to that tenant
/// (the data layer refuses rows of any other). Ids already stored are skipped, so a replayed spool stores each call once.
/// Rows go in through <see cref="CdrBatchInsert"/>, not the change tracker (they are only ever added). The calls'
/// webhook events go into the outbox in the same transaction (<see cref="WebhookOutboxRows"/>), and so are the call
/// charges posted to the accounts' ledgers (<see cref="CallChargePosting"/>) and their package usage to the subscriptions'
/// period totals (<see cref="PackageUsagePosting"/>); the switch's <see cref="AccountBudgets"/> and
/// <see cref="PackageAllowances"/> learn the new totals once it commits.
/// </summary>
public sealed partial class DatabaseCdrStore(
    DbContextOptions<SoftswitchDbContext> options,
    TimeProvider time,
    ILogger<DatabaseCdrStore> logger,
    AccountBudgets? budgets = null,
    PackageAllowances? packages = null) : ICdrStore
{
    public async Task StoreAsync(IReadOnlyList<CallDetailRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var tenant in batch.GroupBy(r => r.TenantId))
        {
            await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenant.Key), time);
            if (!await db.Tenants.AnyAsync(t => t.Id == tenant.Key, cancellationToken))
            {
                // Nothing can ever hold these: retrying would block every later CDR behind them.
                LogUnknownTenant(logger, tenant.Count(), tenant.Key);
                continue;
            }

            var ids = tenant.Select(r => r.Id).ToList();
            var existing = await db.Cdrs.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            var stored = existing.ToHashSet(StringComparer.Ordinal);
            var records = tenant.DistinctBy(r => r.Id).Where(r => !stored.Contains(r.Id)).ToList();
            var outbox = await WebhookOutboxRows.ForAsync(db, records, cancellationToken);
            var rows = records.Select(CdrRows.From).ToList();
            var usage = records.Where(r => r.PackageSplit is not null).Select(r => (IReadOnlyList<Domain.Billing.PackageShare>)[.. r.Packages!.Consumed(r.PackageSplit!.Value)]).ToList();
            IReadOnlyList<CallChargePosting.Posted> posted = [];
            IReadOnlyList<PackageUsagePosting.Posted> used = [];
            await CdrBatchInsert.For(db).InsertAsync(
                db,
                rows,
                time.GetUtcNow(),
                cancellationToken,
                async (tx, token) =>
                {
                    if (outbox.Count > 0)
                    {
                        tx.AddRange(outbox);
                        await tx.SaveChangesAsync(token);
                    }

                    posted = await CallChargePosting.PostAsync(tx, rows, token);
                    used = await PackageUsagePosting.PostAsync(tx, usage, token);
                });
            foreach (var settled in posted)
            {
                budgets?.Settle(settled.AccountId, settled.Charged, settled.BalanceAfter, settled.Sequence);
            }

            foreach (var settled in used)
            {
                packages?.Settle(settled.SubscriptionId, settled.PeriodStart, settled.Seconds, settled.Amount, settled.UsedSeconds, settled.UsedAmount, settled.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropping {Count} CDRs of tenant {TenantId}, which no longer exists")]
    private static partial void LogUnknownTenant(ILogger logger, int count, string tenantId);
}

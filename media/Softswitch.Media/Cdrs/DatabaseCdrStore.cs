using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Data.Cdrs;
using Softswitch.Domain;
using Softswitch.Media.Webhooks;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Media.Cdrs;

/// <summary>
/// Stores CDR batches in the control-plane database, one tenant at a time through a context fixed to that tenant
/// (the data layer refuses rows of any other). Ids already stored are skipped, so a replayed spool stores each call once.
/// Rows go in through <see cref="CdrBatchInsert"/>, not the change tracker (they are only ever added). The calls'
/// webhook events go into the outbox in the same transaction (<see cref="WebhookOutboxRows"/>).
/// </summary>
public sealed partial class DatabaseCdrStore(
    DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<DatabaseCdrStore> logger) : ICdrStore
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
            await CdrBatchInsert.For(db).InsertAsync(db, records.Select(CdrRows.From).ToList(), time.GetUtcNow(), cancellationToken, outbox);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropping {Count} CDRs of tenant {TenantId}, which no longer exists")]
    private static partial void LogUnknownTenant(ILogger logger, int count, string tenantId);
}

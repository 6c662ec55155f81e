using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Purges expired dynamic-blacklist rows, tenant by tenant in bounded batches, recording an expiry event for each
/// block that ran out (a released one has its release event already). The switch stopped honouring them the moment
/// they expired; this only keeps the table to the live entries. Each batch's events and deletion commit together, so
/// a second run finds nothing to do twice.
/// </summary>
public sealed class DynamicBlacklistExpiryJob(DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<DynamicBlacklistExpiryJob> logger)
{
    private const int BatchSize = 1_000;
    private const int MaxBatches = 100;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            List<DynamicBlacklistEntry> expired;
            await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, time))
            {
                expired = await platform.DynamicBlacklistEntries.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
                    .Where(e => e.ExpiresAt <= now).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }

            if (expired.Count == 0)
            {
                break;
            }

            foreach (var tenant in expired.GroupBy(e => e.TenantId, StringComparer.Ordinal))
            {
                total += await PurgeAsync(tenant.Key, tenant.ToList(), cancellationToken);
            }
        }

        logger.LogInformation("Purged {Count} expired dynamic-blacklist entries", total);
        return total;
    }

    private async Task<int> PurgeAsync(string tenantId, List<DynamicBlacklistEntry> rows, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var deleted = await db.DynamicBlacklistEntries.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Kind == BlacklistEntryKind.Block && r.ReleasedAt is null))
        {
            db.DynamicBlacklistEvents.Add(new DynamicBlacklistEvent
            {
                OccurredAt = row.ExpiresAt,
                Kind = BlacklistEventKind.Expired,
                Subject = row.Subject,
                Value = row.Value,
                MappingGatewayId = row.MappingGatewayId,
                RuleId = row.RuleId,
                EntryId = row.Id,
                Count = row.Count,
                Level = row.Level,
                WindowSeconds = row.WindowSeconds,
                ExpiresAt = row.ExpiresAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}

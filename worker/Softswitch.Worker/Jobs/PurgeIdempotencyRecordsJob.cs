using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;

namespace Softswitch.Worker.Jobs;

/// <summary>Deletes stored Idempotency-Key responses past their retention, in bounded batches.</summary>
public sealed class PurgeIdempotencyRecordsJob(SoftswitchDbContext db, TimeProvider time, ILogger<PurgeIdempotencyRecordsJob> logger)
{
    private const int BatchSize = 5_000;
    private const int MaxBatches = 100;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = 0;
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            var ids = await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            total += await db.IdempotencyRecords.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        logger.LogInformation("Purged {Count} expired idempotency records", total);
        return total;
    }
}

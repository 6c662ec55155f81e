using Hangfire;
using Softswitch.Worker.Jobs;

namespace Softswitch.Worker;

/// <summary>
/// Every recurring job, under a stable id so re-registration at each start updates rather than duplicates it.
/// Jobs take ids, not entities, and are safe to run twice: Hangfire delivers at least once.
/// </summary>
public static class RecurringJobCatalog
{
    public const string PurgeIdempotencyRecords = "purge-idempotency-records";

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<PurgeIdempotencyRecordsJob>(
            PurgeIdempotencyRecords, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}

using Hangfire;
using System.Globalization;
using Softswitch.Worker.Jobs;
using Softswitch.Worker.ThreatFeed;

namespace Softswitch.Worker;

/// <summary>
/// Every recurring job, under a stable id so re-registration at each start updates rather than duplicates it.
/// Jobs take ids, not entities, and are safe to run twice: Hangfire delivers at least once.
/// </summary>
public static class RecurringJobCatalog
{
    public const string PurgeIdempotencyRecords = "purge-idempotency-records";
    public const string ImportThreatFeed = "import-threat-feed";
    public const string DynamicBlacklistExpiry = "dynamic-blacklist-expiry";
    public const string WebhookRetries = "webhook-retries";
    public const string CdrRollups = "cdr-rollups";
    public const string PackageRenewals = "package-renewals";
    public const string AlarmEvaluation = "alarm-evaluation";
    public const string AlarmEmails = "alarm-emails";
    public const string ScannerDestinationPurge = "scanner-destination-purge";

    public static void Register(IRecurringJobManager jobs, ThreatFeedOptions feed)
    {
        jobs.AddOrUpdate<PurgeIdempotencyRecordsJob>(
            PurgeIdempotencyRecords, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<DynamicBlacklistExpiryJob>(
            DynamicBlacklistExpiry, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ScannerDestinationPurgeJob>(
            ScannerDestinationPurge, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<WebhookRetryJob>(WebhookRetries, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<CdrRollupJob>(CdrRollups, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        // Hourly: a period ends at the subscription's own start time, not at midnight, and is renewed within the hour.
        jobs.AddOrUpdate<PackageRenewalJob>(PackageRenewals, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<AlarmEvaluationJob>(AlarmEvaluation, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<AlarmEmailJob>(AlarmEmails, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        if (feed.Source is null)
        {
            jobs.RemoveIfExists(ImportThreatFeed);
            return;
        }

        var schedule = feed.RefreshMinutes == 60 ? Cron.Hourly() : string.Create(CultureInfo.InvariantCulture, $"*/{feed.RefreshMinutes} * * * *");
        jobs.AddOrUpdate<ImportThreatFeedJob>(ImportThreatFeed, job => job.RunAsync(CancellationToken.None), schedule);
    }
}

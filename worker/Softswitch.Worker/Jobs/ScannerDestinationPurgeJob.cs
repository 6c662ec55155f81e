using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Keeps the scanner honeypot's table to what the switch honours: numbers no scanner dialled within the retention,
/// numbers beyond the newest <see cref="ScannerDestinationOptions.MaxNumbers"/>, and forgotten numbers once every
/// switch has had a day to learn it. The switch itself already ignores a number past the retention, so this only
/// bounds the table; deleting twice deletes nothing more.
/// </summary>
public sealed class ScannerDestinationPurgeJob(
    DbContextOptions<SoftswitchDbContext> options, IOptions<ScannerDestinationOptions> settings, TimeProvider time,
    ILogger<ScannerDestinationPurgeJob> logger)
{
    public static readonly TimeSpan ForgottenKept = TimeSpan.FromDays(1);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - settings.Value.Retention;
        var forgotten = now - ForgottenKept;
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var purged = await db.ScannerDestinations
            .Where(d => d.ForgottenAt == null ? d.LastDialledAt <= stale : d.ForgottenAt <= forgotten)
            .ExecuteDeleteAsync(cancellationToken);

        var kept = db.ScannerDestinations.Where(d => d.ForgottenAt == null);
        var newestDropped = await kept.OrderByDescending(d => d.LastDialledAt).ThenByDescending(d => d.Id)
            .Skip(settings.Value.MaxNumbers).Select(d => new { d.LastDialledAt, d.Id }).FirstOrDefaultAsync(cancellationToken);
        if (newestDropped is not null)
        {
            purged += await kept.Where(d => d.LastDialledAt < newestDropped.LastDialledAt
                    || (d.LastDialledAt == newestDropped.LastDialledAt && string.Compare(d.Id, newestDropped.Id) <= 0))
                .ExecuteDeleteAsync(cancellationToken);
        }

        logger.LogInformation("Purged {Count} scanner-honeypot numbers", purged);
        return purged;
    }
}

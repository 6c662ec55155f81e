using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>
/// Brings the stored honeypot to the switch's <see cref="ScannerHoneypot"/>: at start the newest numbers still within
/// the retention (so a restart forgets nothing a tenant opted in to block), then every <see cref="PollInterval"/> the
/// rows changed since the last poll: dials stored by this or another switch, and numbers an operator forgot (gone from
/// the switch within the 2-second promise). Keeps the last state when the database cannot be read.
/// </summary>
public sealed partial class ScannerDestinationRefresher(
    DbContextOptions<SoftswitchDbContext> options, ScannerHoneypot honeypot, ScannerDestinationOptions settings, TimeProvider time,
    ILogger<ScannerDestinationRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Rows are re-read this far behind the newest seen, so a transaction that committed late is not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    private const int MaxRowsPerPoll = 10_000;

    private DateTime? _seen;
    private bool _failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var rows = db.ScannerDestinations.AsNoTracking();
        if (_seen is not { } seen)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var since = now - settings.Retention;
            var kept = await rows.Where(d => d.ForgottenAt == null && d.LastDialledAt > since)
                .OrderByDescending(d => d.LastDialledAt).Take(settings.MaxNumbers)
                .Select(d => new { d.Number, d.LastDialledAt, d.UpdatedAt })
                .ToListAsync(cancellationToken);
            for (var i = kept.Count - 1; i >= 0; i--)
            {
                honeypot.Merge(kept[i].Number, Utc(kept[i].LastDialledAt));
            }

            _seen = kept.Count == 0 ? now : kept.Max(d => d.UpdatedAt);
            return;
        }

        var from = seen - Overlap;
        var changed = await rows.Where(d => d.UpdatedAt >= from).OrderBy(d => d.UpdatedAt).Take(MaxRowsPerPoll)
            .Select(d => new { d.Number, d.LastDialledAt, d.ForgottenAt, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        foreach (var row in changed)
        {
            if (row.ForgottenAt is { } forgotten)
            {
                honeypot.Forget(row.Number, Utc(forgotten));
            }
            else
            {
                honeypot.Merge(row.Number, Utc(row.LastDialledAt));
            }
        }

        if (changed.Count > 0 && changed[^1].UpdatedAt > seen)
        {
            _seen = changed[^1].UpdatedAt;
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PollAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(PollInterval, time, stoppingToken);
            await PollAsync(stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
            _failing = false;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is InvalidOperationException or System.Data.Common.DbException)
        {
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the scanner honeypot's numbers failed; the switch keeps its last state")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

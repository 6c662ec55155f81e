using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Switch.Billing;

namespace Softswitch.Media.Billing;

/// <summary>
/// Keeps the switch's <see cref="RateBook"/> current: every <see cref="PollInterval"/> it compares the rates' fingerprint,
/// and on a change reads every rate again and publishes a new book whole (a call prices against one book, never half
/// of two). Future-dated rates are in the book already, so a deck switches over at its instant with no reload gap.
/// Rates are not in the snapshot file: until the first read succeeds the book is not loaded and rated calls get 503.
/// </summary>
public sealed partial class RateBookRefresher(
    DbContextOptions<SoftswitchDbContext> options, RateBookSource rates, BillingOptions billing, TimeProvider time, ILogger<RateBookRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private int? _seen;
    private bool _failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var all = db.Rates.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking();
        var fingerprint = HashCode.Combine(
            await all.CountAsync(cancellationToken),
            await all.SumAsync(r => r.Version, cancellationToken),
            await all.MaxAsync(r => (DateTime?)r.UpdatedAt, cancellationToken));
        if (fingerprint == _seen && rates.IsLoaded)
        {
            return;
        }

        var rows = await all.ToListAsync(cancellationToken);
        rates.Publish(new RateBook(rows
            .GroupBy(r => (r.TenantId, r.RateTableId))
            .Select(g => new RateDeck(g.Key.TenantId, g.Key.RateTableId, g, billing.ChargeDecimals))));
        _seen = fingerprint;
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
                LogRefreshFailed(logger, exception, rates.IsLoaded);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the rate tables failed (rates were loaded before: {Loaded}); the switch keeps its last rates")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, bool loaded);
}

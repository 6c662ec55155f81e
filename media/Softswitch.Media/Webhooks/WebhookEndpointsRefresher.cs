using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// Reads every tenant's enabled webhook endpoints into the <see cref="WebhookEndpointTable"/> every
/// <see cref="PollInterval"/> (the snapshot's half second, within the 2-second promise). They are read whole: at most
/// <c>MaxEndpointsPerTenant</c> per tenant. Kept out of the snapshot file because they hold signing secrets.
/// </summary>
public sealed partial class WebhookEndpointsRefresher(
    DbContextOptions<SoftswitchDbContext> options, WebhookEndpointTable table, TimeProvider time, ILogger<WebhookEndpointsRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private bool _failing;

    public event Action? Refreshed;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var enabled = await db.WebhookEndpoints.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(e => e.Enabled).ToListAsync(cancellationToken);
        table.Replace(enabled);
        Refreshed?.Invoke();
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
            // The table keeps its last endpoints; events stay in the outbox either way.
            if (!_failing)
            {
                LogRefreshFailed(logger, exception);
            }

            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading webhook endpoints failed; the switch keeps its last list")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

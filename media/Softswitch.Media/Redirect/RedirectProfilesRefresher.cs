using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Switch.Redirect;

namespace Softswitch.Media.Redirect;

/// <summary>
/// Reads every tenant's enabled redirect profiles into the <see cref="RedirectProfileSource"/> every
/// <see cref="PollInterval"/> (within the 2-second promise). They are few (one per tenant and trunk) and read whole;
/// a new table is published only when a row changed. Kept out of the snapshot file: with the database down at start
/// the switch routes on its own routes until the profiles can be read.
/// </summary>
public sealed partial class RedirectProfilesRefresher(
    DbContextOptions<SoftswitchDbContext> options, RedirectProfileSource profiles, TimeProvider time, ILogger<RedirectProfilesRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private List<(string Id, long Version)> _seen = [];
    private bool _failing;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, FixedTenantContext.None, time);
        var rows = await db.RedirectProfiles.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
            .Where(p => p.Enabled).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var seen = rows.Select(r => (r.Id, r.Version)).ToList();
        if (seen.SequenceEqual(_seen))
        {
            return;
        }

        profiles.Publish(RedirectProfiles.Create(rows));
        _seen = seen;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading redirect profiles failed; the switch keeps its last profiles")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

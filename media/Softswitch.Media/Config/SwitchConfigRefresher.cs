using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Config;

/// <summary>
/// Keeps <see cref="SwitchConfigSource"/> current: polls the tables' fingerprint every <see cref="PollInterval"/>
/// and rebuilds the snapshot only when it changed, so a change made through the API governs new calls within
/// 2 seconds without a restart, and the call path never waits on the database.
/// </summary>
public sealed partial class SwitchConfigRefresher(
    DatabaseConfigSnapshotLoader loader, SwitchConfigSource source, TimeProvider time, ILogger<SwitchConfigRefresher> logger)
    : BackgroundService
{
    /// <summary>A quarter of the 2-second promise, leaving room for a slow poll and the rebuild itself.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private ConfigFingerprint? _published;
    private long _version;

    /// <summary>Publishes a new snapshot when the database changed since the last one; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        // The fingerprint is read first: a change landing while the rows load shows up as a new fingerprint next time.
        var fingerprint = await loader.ReadFingerprintAsync(cancellationToken);
        if (fingerprint == _published)
        {
            return false;
        }

        var rows = await loader.LoadRowsAsync(cancellationToken);
        var snapshot = SwitchConfigSnapshot.Create(++_version, rows);
        source.Publish(snapshot);
        _published = fingerprint;
        LogPublished(logger, snapshot.Version, snapshot.Tenants.Count);
        return true;
    }

    /// <summary>The first snapshot is loaded before the host finishes starting, so no call meets an empty configuration.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The switch keeps routing on the last good snapshot; the next tick tries again.
                LogRefreshFailed(logger, ex, source.Current.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Switch configuration version {Version} published ({Tenants} active tenants)")]
    private static partial void LogPublished(ILogger logger, long version, int tenants);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the switch configuration failed; version {Version} stays in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, long version);
}

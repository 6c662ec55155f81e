using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Switch.Config;

namespace Softswitch.Media.Config;

/// <summary>
/// Keeps <see cref="SwitchConfigSource"/> current: polls the tables' fingerprint every <see cref="PollInterval"/>
/// and rebuilds the snapshot only when it changed, reading again only the changed rows of the changed tables (see
/// <see cref="DatabaseConfigSnapshotLoader.LoadRowsAsync"/>), so a change made through the API governs new calls
/// within 2 seconds without a restart, and the call path never waits on the database. The newest snapshot built from
/// the database is saved to <see cref="LastGoodConfigFile"/> at most every <see cref="LastGoodConfigSaver.WriteInterval"/>
/// and at stop; when the database does not answer at start, the switch routes from that file and keeps trying the
/// database, backing off up to <see cref="MaxRetryInterval"/>.
/// </summary>
public sealed partial class SwitchConfigRefresher(
    DatabaseConfigSnapshotLoader loader,
    SwitchConfigSource source,
    TimeProvider time,
    ILogger<SwitchConfigRefresher> logger,
    LastGoodConfigFile? lastGoodFile = null)
    : BackgroundService
{
    /// <summary>A quarter of the 2-second promise, leaving room for a slow poll and the rebuild itself.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two tries while the database fails.</summary>
    public static readonly TimeSpan MaxRetryInterval = TimeSpan.FromSeconds(30);

    private readonly LastGoodConfigFile? _lastGoodFile = lastGoodFile;
    private readonly LastGoodConfigSaver? _saver = lastGoodFile is null ? null : new LastGoodConfigSaver(lastGoodFile, time);
    private LoadedConfig? _published;
    private long _version;
    private int _failures;
    private volatile SwitchConfigState _state = SwitchConfigState.NotLoaded;

    /// <summary>Where the configuration in use came from and whether the database answers; read by the readiness check.</summary>
    public SwitchConfigState State => _state;

    /// <summary>Publishes a new snapshot when the database changed since the last one; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        LoadedConfig loaded;
        try
        {
            // The fingerprint is read first: a change landing while the rows load shows up as a new fingerprint next time.
            var fingerprint = await loader.ReadFingerprintAsync(cancellationToken);
            if (fingerprint == _published?.Fingerprint)
            {
                _state = _state with { DatabaseFailingSince = null };
                await SaveAsync(saver => saver.SaveDueAsync(cancellationToken));
                return false;
            }

            loaded = await loader.LoadRowsAsync(_published, fingerprint, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _state = _state with { DatabaseFailingSince = _state.DatabaseFailingSince ?? time.GetUtcNow() };
            throw;
        }

        var builtAt = time.GetUtcNow();
        Publish(loaded.Rows, SwitchConfigOrigin.Database, builtAt);
        _published = loaded;
        await SaveAsync(saver => saver.SaveAsync(new LastGoodConfig(builtAt, loaded.Rows), cancellationToken));
        return true;
    }

    /// <summary>
    /// The first snapshot is loaded before the host finishes starting, so no call meets an empty configuration: from
    /// the database, or, when it does not answer, from the last good snapshot file.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _failures = 1;
            LogDatabaseDownAtStart(logger, exception);
            await LoadLastGoodAsync(cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Stops polling, then writes the snapshot file if a newer snapshot is still waiting for its turn.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(saver => saver.FlushAsync(cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(NextWait(), time, stoppingToken);
            try
            {
                await RefreshAsync(stoppingToken);
                _failures = 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The switch keeps routing on the last good snapshot; the next try comes after a longer pause.
                _failures++;
                LogRefreshFailed(logger, ex, source.Current.Version, NextWait().TotalSeconds);
            }
        }
    }

    /// <summary>The poll interval while the database answers; doubling from it up to <see cref="MaxRetryInterval"/> while it fails.</summary>
    private TimeSpan NextWait()
    {
        if (_failures == 0)
        {
            return PollInterval;
        }

        var doublings = Math.Min(_failures, 16);
        var wait = PollInterval * Math.Pow(2, doublings);
        return wait < MaxRetryInterval ? wait : MaxRetryInterval;
    }

    private async Task LoadLastGoodAsync(CancellationToken cancellationToken)
    {
        if (_lastGoodFile is null)
        {
            return;
        }

        LastGoodConfig? lastGood;
        try
        {
            lastGood = await _lastGoodFile.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSnapshotFileUnreadable(logger, exception, _lastGoodFile.Path);
            return;
        }

        if (lastGood is null)
        {
            LogNoSnapshotFile(logger, _lastGoodFile.Path);
            return;
        }

        Publish(lastGood.Rows, SwitchConfigOrigin.SnapshotFile, lastGood.BuiltAt);
        LogRoutingFromFile(logger, _lastGoodFile.Path, lastGood.BuiltAt);
    }

    private void Publish(SwitchConfigRows rows, SwitchConfigOrigin origin, DateTimeOffset builtAt)
    {
        var previous = source.Current;
        var snapshot = SwitchConfigSnapshot.Create(++_version, rows, previous);
        source.Publish(snapshot);
        _state = new SwitchConfigState(origin, builtAt, origin == SwitchConfigOrigin.Database ? null : time.GetUtcNow());
        var known = previous.Problems.ToHashSet();
        foreach (var problem in snapshot.Problems.Where(p => !known.Contains(p)))
        {
            LogRowProblem(logger, problem.Table, problem.TenantId, problem.RowId, problem.Problem, snapshot.Version);
        }

        LogPublished(logger, snapshot.Version, snapshot.Tenants.Count, snapshot.Problems.Count, origin);
    }

    private async Task SaveAsync(Func<LastGoodConfigSaver, Task> save)
    {
        if (_saver is null)
        {
            return;
        }

        try
        {
            await save(_saver);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The snapshot is in use all the same; only a start without the database would miss it.
            LogSnapshotFileWriteFailed(logger, exception, _saver.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Switch configuration version {Version} published from {Origin} ({Tenants} active tenants, {Problems} rows with problems)")]
    private static partial void LogPublished(ILogger logger, long version, int tenants, int problems, SwitchConfigOrigin origin);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Configuration row {Table} {RowId} of tenant {TenantId}: {Problem} (configuration version {Version})")]
    private static partial void LogRowProblem(ILogger logger, string table, string tenantId, string rowId, string problem, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the switch configuration failed; version {Version} stays in use, next try in {RetrySeconds} s")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, long version, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database did not answer at start; the switch starts on its last good snapshot file")]
    private static partial void LogDatabaseDownAtStart(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing from snapshot file {Path} of {BuiltAt:O} until the database answers")]
    private static partial void LogRoutingFromFile(ILogger logger, string path, DateTimeOffset builtAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "No snapshot file at {Path}: the switch has no configuration until the database answers")]
    private static partial void LogNoSnapshotFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot file {Path} cannot be read: the switch has no configuration until the database answers")]
    private static partial void LogSnapshotFileUnreadable(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the snapshot file {Path} failed")]
    private static partial void LogSnapshotFileWriteFailed(ILogger logger, Exception exception, string path);
}

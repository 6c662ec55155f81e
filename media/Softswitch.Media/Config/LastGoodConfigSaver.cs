namespace Softswitch.Media.Config;

/// <summary>
/// Writes the newest snapshot built from the database to its <see cref="LastGoodConfigFile"/> at most once every
/// <see cref="WriteInterval"/>. While the API writes, the switch rebuilds its snapshot up to twice a second, and each
/// write of the file serialises every row and fsyncs twice, on the disk the database's commits wait for; the file is
/// read only when the switch starts without its database, so it may be up to <see cref="WriteInterval"/> older than
/// the snapshot in use (plus the time to write it), and a stop writes what is still held.
/// </summary>
public sealed class LastGoodConfigSaver(LastGoodConfigFile file, TimeProvider time)
{
    /// <summary>The longest a snapshot waits before it is written: how far the file may lag the database.</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private LastGoodConfig? _pending;
    private DateTimeOffset? _triedAt;
    private Task _writing = Task.CompletedTask;

    public string Path => file.Path;

    /// <summary>Holds <paramref name="config"/> in place of any older one, and writes it if the last write is old enough.</summary>
    public Task SaveAsync(LastGoodConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        _pending = config;
        return SaveDueAsync(cancellationToken);
    }

    /// <summary>Writes the snapshot held, if any, once <see cref="WriteInterval"/> has passed since the last try.</summary>
    public Task SaveDueAsync(CancellationToken cancellationToken) =>
        _triedAt is { } at && time.GetUtcNow() - at < WriteInterval ? Task.CompletedTask : FlushAsync(cancellationToken);

    /// <summary>
    /// Writes the snapshot held, if any, after any write still running: the stop's last write can meet the polling
    /// loop's (a host stops waiting for the loop when its stop token fires), and two writers of the temporary file fail.
    /// </summary>
    /// <exception cref="IOException">The write failed; the snapshot stays held and is tried again after <see cref="WriteInterval"/>.</exception>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _writing = WriteAfterAsync(_writing, cancellationToken);
            return _writing;
        }
    }

    private async Task WriteAfterAsync(Task running, CancellationToken cancellationToken)
    {
        // Waits without taking on the earlier write's failure: that was reported to its own caller.
        await Task.WhenAny(running).ConfigureAwait(false);
        if (_pending is not { } config)
        {
            return;
        }

        _triedAt = time.GetUtcNow();
        await file.WriteAsync(config, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(_pending, config))
        {
            _pending = null;
        }
    }
}

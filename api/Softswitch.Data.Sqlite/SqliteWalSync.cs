namespace Softswitch.Data.Sqlite;

/// <summary>
/// Group commit for a SQLite file in WAL mode. Connections run with <c>synchronous=NORMAL</c>, so <c>COMMIT</c>
/// appends to the write-ahead log without an fsync and the write gate opens at once; the committer then waits here
/// until one fsync of the log that began after its commit has finished. Every commit that lands while an fsync runs
/// shares the next one, so a burst of writers pays one fsync, not one each, and none holds the gate through it.
/// A commit still returns only once it is on disk: the log's frames up to its commit frame are durable, which is
/// what <c>synchronous=FULL</c> gives (https://sqlite.org/wal.html §"Performance Considerations").
/// </summary>
public sealed class SqliteWalSync
{
    private readonly string _walPath;
    private readonly Lock _lock = new();
    private TaskCompletionSource? _next;
    private bool _syncing;
    private long _syncs;

    internal SqliteWalSync(string databasePath) => _walPath = databasePath + "-wal";

    /// <summary>Set once the file is known to be in WAL mode; until then connections keep SQLite's FULL default.</summary>
    public bool Enabled { get; internal set; }

    /// <summary>The log's fsyncs so far: fewer than its commits when writers share them.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Completes when an fsync of the log that started after this call has finished.</summary>
    public Task SyncAsync()
    {
        lock (_lock)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flushed = _next.Task;
            if (!_syncing)
            {
                _syncing = true;
                ThreadPool.UnsafeQueueUserWorkItem(static sync => sync.SyncWhileAsked(), this, preferLocal: false);
            }

            return flushed;
        }
    }

    private void SyncWhileAsked()
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_lock)
            {
                if (_next is null)
                {
                    _syncing = false;
                    return;
                }

                batch = _next;
                _next = null;
            }

            try
            {
                FlushLog();
                Interlocked.Increment(ref _syncs);
                batch.SetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever failed, the waiters learn it and the loop goes on: a commit must never wait for ever.
                batch.SetException(e);
            }
        }
    }

    private void FlushLog()
    {
        try
        {
            using var log = new FileStream(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // SQLite removes the log when its last connection closes, after checkpointing it into the database file
            // and syncing that file: what was committed is already durable there.
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;

namespace Softswitch.Data.Sqlite;

/// <summary>
/// The one way into a SQLite file's write lock for this process. SQLite lets one connection write at a time; any
/// other writer gets SQLITE_BUSY, and Microsoft.Data.Sqlite answers that by putting its thread to sleep for 150 ms
/// and trying again, so concurrent writers queued by sleeping thread-pool threads (37 % of all thread time in a
/// 200 POST/s profile, and POST p99 of 160 ms). Writers that wait here instead wait asynchronously, in arrival order,
/// and start only once the previous write has committed, so they never meet SQLITE_BUSY. In WAL mode a writer gives
/// the gate back at COMMIT and then waits for <see cref="Wal"/>'s group fsync, so the fsync is shared and never held
/// under the gate; a write still returns only once it is durable.
/// </summary>
/// <remarks>
/// SQLite's lock belongs to the file, so the gate does too: every context of the process on one file (API requests,
/// the CDR store, jobs, migrations) shares it, whichever service provider built its options. Another process on the
/// same file still meets SQLITE_BUSY and Microsoft.Data.Sqlite's retry; the embedded default runs one process.
/// </remarks>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A gate lives as long as the process; a SemaphoreSlim whose wait handle is never asked for holds no OS handle.")]
public sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Files = new(StringComparer.Ordinal);

    // Process-wide like the gates themselves: which writers queue behind which (API requests, the CDR store's batches,
    // jobs) shows in dotnet-counters as the wait and hold times of the one gate of the file.
    private static readonly Meter GateMeter = new("Softswitch.Data.Sqlite");
    private static readonly Histogram<double> Waited = GateMeter.CreateHistogram<double>(
        "softswitch.sqlite.write_gate.wait", "ms", "How long a write waited for its SQLite file's write gate");
    private static readonly Histogram<double> Held = GateMeter.CreateHistogram<double>(
        "softswitch.sqlite.write_gate.hold", "ms", "How long a write held its SQLite file's write gate");

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly KeyValuePair<string, object?> _file;
    private long _enteredAt;

    private SqliteWriteGate(string path)
    {
        Wal = new SqliteWalSync(path);
        _file = new("db.namespace", path);
    }

    /// <summary>The group fsync of this file's write-ahead log.</summary>
    public SqliteWalSync Wal { get; }

    /// <summary>The gate of the database file at <paramref name="path"/> (as SQLite names it; empty for in-memory databases).</summary>
    public static SqliteWriteGate ForFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Files.GetOrAdd(path, static p => new SqliteWriteGate(p));
    }

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        Entered(asked);
    }

    public void Enter()
    {
        var asked = Stopwatch.GetTimestamp();
        _turn.Wait();
        Entered(asked);
    }

    public void Exit()
    {
        Held.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref _enteredAt)).TotalMilliseconds, _file);
        _turn.Release();
    }

    private void Entered(long asked)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _enteredAt, now);
        Waited.Record(Stopwatch.GetElapsedTime(asked, now).TotalMilliseconds, _file);
    }
}

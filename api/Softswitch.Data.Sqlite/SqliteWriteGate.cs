using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

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

    private readonly SemaphoreSlim _turn = new(1, 1);

    private SqliteWriteGate(string path) => Wal = new SqliteWalSync(path);

    /// <summary>The group fsync of this file's write-ahead log.</summary>
    public SqliteWalSync Wal { get; }

    /// <summary>The gate of the database file at <paramref name="path"/> (as SQLite names it; empty for in-memory databases).</summary>
    public static SqliteWriteGate ForFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Files.GetOrAdd(path, static p => new SqliteWriteGate(p));
    }

    public Task EnterAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Enter() => _turn.Wait();

    public void Exit() => _turn.Release();
}

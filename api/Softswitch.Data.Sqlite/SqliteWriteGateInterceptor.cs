using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Softswitch.Data.Sqlite;

/// <summary>
/// Takes <see cref="SqliteWriteGate"/> for every write EF Core sends to a SQLite file: a transaction holds it from
/// <c>BEGIN</c> (Microsoft.Data.Sqlite begins <c>IMMEDIATE</c>, which takes the write lock) until it has committed or
/// rolled back; a write outside a transaction (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL, migrations) holds
/// it for that command, or for a reader until the reader closes. <c>SaveChanges</c> always runs in a transaction here.
/// LINQ queries never take it: in WAL mode readers do not block the writer nor it them. Closing or disposing the
/// connection gives back whatever it still holds, for a transaction disposed without a commit or rollback.
/// On a WAL file a writer gives the gate back at COMMIT, or at the end of its one write command, and then waits for
/// the log's group fsync (<see cref="SqliteWalSync"/>). A reader outside a transaction commits only when it is reset,
/// after the last point seen here, so no write runs as one: SaveChanges runs in a transaction, and ExecuteUpdate,
/// ExecuteDelete and raw SQL run as non-queries.
/// </summary>
internal sealed class SqliteWriteGateInterceptor
    : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    public static SqliteWriteGateInterceptor Instance { get; } = new();

    // Plain dictionaries, not ConditionalWeakTables: an entry lives from BEGIN to COMMIT, and a weak table's
    // finalized containers took 8 % of the process's CPU in a 200 POST/s profile. Every lease is removed at
    // its transaction's end or, failing that, when its connection closes or is disposed, so nothing is left behind.
    private readonly ConcurrentDictionary<DbConnection, Lease> _leases = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<DbTransaction, DbConnection> _transactions = new(ReferenceEqualityComparer.Instance);

    private SqliteWriteGateInterceptor()
    {
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InTransaction(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        InTransaction(eventData);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, command: null, cancellationToken);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A finished SqliteTransaction forgets its connection, so the lease is found again through this map.
        if (_leases.TryGetValue(connection, out var lease))
        {
            _transactions[result] = connection;
            _leases[connection] = lease with { Transaction = result };
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EndTransaction(transaction)?.SyncAsync().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EndTransaction(transaction)?.SyncAsync() ?? Task.CompletedTask;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => EndTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed commit or rollback ends the transaction too; a failed savepoint does not.
        if (eventData.Action is "Commit" or "Rollback")
        {
            EndTransaction(transaction);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForCommand(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForCommand(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, eventData, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitCommand(command)?.SyncAsync().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (ExitCommand(command) is { } wal)
        {
            await wal.SyncAsync();
        }

        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForCommand(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, eventData, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ExitCommand(command)?.SyncAsync().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        if (ExitCommand(command) is { } wal)
        {
            await wal.SyncAsync();
        }

        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => CommitWithoutSync(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommitWithoutSync(connection);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A one-statement save would otherwise run as an autocommit reader (<c>INSERT … RETURNING</c>), whose lock SQLite
    /// gives back only when the reader is reset, after the last interception point; the next writer would meet
    /// SQLITE_BUSY in between. In a transaction the gate opens after <c>COMMIT</c>, which costs the same single fsync.
    /// </summary>
    private static void InTransaction(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    /// <summary>
    /// On a WAL file, COMMIT appends to the log without an fsync (<c>synchronous=NORMAL</c>, a setting of the
    /// connection); the writer then waits for <see cref="SqliteWalSync"/>, which makes it durable.
    /// </summary>
    private static void CommitWithoutSync(DbConnection connection)
    {
        if (!SqliteWriteGate.ForFile(connection.DataSource).Wal.Enabled)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        command.ExecuteNonQuery();
    }

    /// <summary>LINQ queries and key generation only read; anything else EF Core sends may write.</summary>
    private static bool MayWrite(CommandEventData eventData) =>
        eventData.CommandSource is not (CommandSource.LinqQuery or CommandSource.ValueGenerator or CommandSource.Scaffolding);

    private void EnterForCommand(DbCommand command, CommandEventData eventData)
    {
        if (MayWrite(eventData) && command.Connection is { } connection)
        {
            Enter(connection, command);
        }
    }

    private Task EnterForCommandAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken) =>
        MayWrite(eventData) && command.Connection is { } connection
            ? EnterAsync(connection, command, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Takes the gate for <paramref name="connection"/>: for one command, or with none for a whole transaction.</summary>
    private void Enter(DbConnection connection, DbCommand? command = null)
    {
        if (Holds(connection, command))
        {
            return;
        }

        var gate = SqliteWriteGate.ForFile(connection.DataSource);
        gate.Enter();
        _leases[connection] = new Lease(gate, command, null);
    }

    private async Task EnterAsync(DbConnection connection, DbCommand? command, CancellationToken cancellationToken)
    {
        if (Holds(connection, command))
        {
            return;
        }

        var gate = SqliteWriteGate.ForFile(connection.DataSource);
        await gate.EnterAsync(cancellationToken);
        _leases[connection] = new Lease(gate, command, null);
    }

    /// <summary>
    /// Whether the connection already holds the gate. A transaction beginning while a command's lease is still open
    /// (a reader not yet disposed) takes that lease over, so the command's end does not give it back mid-transaction.
    /// </summary>
    private bool Holds(DbConnection connection, DbCommand? command)
    {
        if (!_leases.TryGetValue(connection, out var lease))
        {
            return false;
        }

        if (command is null && lease.Command is not null)
        {
            _leases[connection] = lease with { Command = null };
        }

        return true;
    }

    private SqliteWalSync? ExitCommand(DbCommand command) =>
        command.Connection is { } connection && _leases.TryGetValue(connection, out var lease) && ReferenceEquals(lease.Command, command)
            ? Exit(connection)
            : null;

    /// <summary>Gives the gate back; the log to sync when the transaction wrote to a WAL file, else null.</summary>
    private SqliteWalSync? EndTransaction(DbTransaction transaction) =>
        _transactions.TryRemove(transaction, out var connection) ? Exit(connection) : null;

    /// <summary>Gives back the gate the connection holds, if any; its log when the file is in WAL mode, else null.</summary>
    private SqliteWalSync? Exit(DbConnection connection)
    {
        if (!_leases.TryRemove(connection, out var lease))
        {
            return null;
        }

        if (lease.Transaction is not null)
        {
            _transactions.TryRemove(lease.Transaction, out _);
        }

        lease.Gate.Exit();
        return lease.Gate.Wal.Enabled ? lease.Gate.Wal : null;
    }

    /// <summary>The gate a connection holds, and the command it holds it for (null: its transaction, once begun).</summary>
    private sealed record Lease(SqliteWriteGate Gate, DbCommand? Command, DbTransaction? Transaction);
}

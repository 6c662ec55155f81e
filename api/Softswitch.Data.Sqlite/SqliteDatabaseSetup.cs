using Microsoft.EntityFrameworkCore;

namespace Softswitch.Data.Sqlite;

public static class SqliteDatabaseSetup
{
    /// <summary>
    /// Switches the database file to write-ahead logging so readers (API queries, the switch's
    /// config snapshots) do not block the writer and vice versa. The mode is stored in the file,
    /// so once at start-up is enough; in-memory databases stay in "memory" mode.
    /// Once in WAL mode, the process's connections to the file commit with <c>synchronous=NORMAL</c> and a shared
    /// fsync of the log (<see cref="SqliteWalSync"/>).
    /// </summary>
    /// <returns>The journal mode now in effect, e.g. <c>wal</c>.</returns>
    public static async Task<string> EnableWalAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var modes = await context.Database
                .SqlQueryRaw<string>("PRAGMA journal_mode=WAL")
                .ToListAsync(cancellationToken);
            var mode = modes.Count > 0 ? modes[0] : "";

            // The path as SQLite names it, which only an open connection reports: the gates are keyed by it.
            if (string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && context.Database.GetDbConnection().DataSource is { Length: > 0 } path)
            {
                SqliteWriteGate.ForFile(path).Wal.Enabled = true;
            }

            return mode;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}

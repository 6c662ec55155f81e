using Microsoft.EntityFrameworkCore;

namespace Softswitch.Data.Sqlite;

public static class SqliteDatabaseSetup
{
    /// <summary>
    /// Switches the database file to write-ahead logging so readers (API queries, the switch's
    /// config snapshots) do not block the writer and vice versa. The mode is stored in the file,
    /// so once at start-up is enough; in-memory databases stay in "memory" mode.
    /// </summary>
    /// <returns>The journal mode now in effect, e.g. <c>wal</c>.</returns>
    public static async Task<string> EnableWalAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modes = await context.Database
            .SqlQueryRaw<string>("PRAGMA journal_mode=WAL")
            .ToListAsync(cancellationToken);
        return modes.Count > 0 ? modes[0] : "";
    }
}

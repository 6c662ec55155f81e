using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Softswitch.Data.Sqlite;

public static class SqliteDbContextOptionsExtensions
{
    /// <summary>
    /// Uses SQLite with the migrations of this assembly, with every write of the process queued through
    /// <see cref="SqliteWriteGate"/>. Call
    /// <see cref="SqliteDatabaseSetup.EnableWalAsync"/> once at start-up, after migrating.
    /// </summary>
    public static DbContextOptionsBuilder UseSoftswitchSqlite(
        this DbContextOptionsBuilder builder,
        string connectionString,
        Action<SqliteDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Pooled connections keep their page cache between requests. WAL itself is a property of
        // the database file, set once by SqliteDatabaseSetup rather than per connection.
        var settings = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };

        builder.UseSqlite(settings.ConnectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(typeof(SqliteDbContextOptionsExtensions).Assembly.GetName().Name);
            configure?.Invoke(sqlite);
        });

        // Every writer of the process takes its turn at the file's one write lock (see SqliteWriteGate). Added once
        // even if this is called twice on one builder: a connection entering the gate twice would wait for itself.
        var interceptors = builder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        return interceptors.Contains(SqliteWriteGateInterceptor.Instance)
            ? builder
            : builder.AddInterceptors(SqliteWriteGateInterceptor.Instance);
    }

    /// <inheritdoc cref="UseSoftswitchSqlite(DbContextOptionsBuilder, string, Action{SqliteDbContextOptionsBuilder})"/>
    public static DbContextOptionsBuilder<TContext> UseSoftswitchSqlite<TContext>(
        this DbContextOptionsBuilder<TContext> builder,
        string connectionString,
        Action<SqliteDbContextOptionsBuilder>? configure = null)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseSoftswitchSqlite((DbContextOptionsBuilder)builder, connectionString, configure);
}

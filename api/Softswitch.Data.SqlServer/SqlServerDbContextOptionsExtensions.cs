using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Softswitch.Data.SqlServer;

public static class SqlServerDbContextOptionsExtensions
{
    /// <summary>
    /// Uses SQL Server with the migrations of this assembly and retries on transient failures.
    /// With retries on, an explicit transaction must run inside
    /// <c>Database.CreateExecutionStrategy().ExecuteAsync(...)</c>.
    /// </summary>
    public static DbContextOptionsBuilder UseSoftswitchSqlServer(
        this DbContextOptionsBuilder builder,
        string connectionString,
        Action<SqlServerDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // No write gate here, unlike SQLite (SqliteWriteGate): SQL Server locks rows and pages, so writers to different
        // rows commit side by side, and a writer that meets a lock waits inside the server and is woken when it is
        // released, not by a client sleeping and retrying. Serializing writers in the process would only cost
        // throughput; the ingress claim stays correct through its locked row (IngressClaimLock), across processes too.
        return builder.UseSqlServer(connectionString, sqlServer =>
        {
            sqlServer.MigrationsAssembly(typeof(SqlServerDbContextOptionsExtensions).Assembly.GetName().Name);
            sqlServer.EnableRetryOnFailure();
            configure?.Invoke(sqlServer);
        });
    }

    /// <inheritdoc cref="UseSoftswitchSqlServer(DbContextOptionsBuilder, string, Action{SqlServerDbContextOptionsBuilder})"/>
    public static DbContextOptionsBuilder<TContext> UseSoftswitchSqlServer<TContext>(
        this DbContextOptionsBuilder<TContext> builder,
        string connectionString,
        Action<SqlServerDbContextOptionsBuilder>? configure = null)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseSoftswitchSqlServer((DbContextOptionsBuilder)builder, connectionString, configure);
}

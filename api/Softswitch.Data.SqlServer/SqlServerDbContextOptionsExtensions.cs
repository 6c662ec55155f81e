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

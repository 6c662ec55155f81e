using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Data.Sqlite;
using Softswitch.Data.SqlServer;

namespace Softswitch.Api.Hosting;

public static class DatabaseRegistration
{
    /// <summary>SQLite under <c>DataDir</c> by default; SQL Server when <c>Softswitch:Database:Provider=SqlServer</c>.</summary>
    public static IServiceCollection AddSoftswitchDatabase(
        this IServiceCollection services, SoftswitchOptions options, bool prepareAtStart)
    {
        var connectionString = ResolveConnectionString(options);
        services.AddScoped<ITenantContext, RequestTenantContext>();
        services.AddSingleton<FirstRunSeeder>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FirstRunBanner>(sp, Console.Out));
        if (prepareAtStart)
        {
            services.AddHostedService<DatabaseStartup>();
        }

        services.AddDbContext<SoftswitchDbContext>(db =>
        {
            if (options.Database.Provider == DatabaseProvider.SqlServer)
            {
                db.UseSoftswitchSqlServer(connectionString);
            }
            else
            {
                db.UseSoftswitchSqlite(connectionString);
            }
        });
        return services;
    }

    /// <summary>A relative <c>DataDir</c> resolves against the working directory, so <c>./data</c> is beside where you ran the command.</summary>
    public static string ResolveDataDir(SoftswitchOptions options) => Path.GetFullPath(options.DataDir);

    private static string ResolveConnectionString(SoftswitchOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            return options.Database.ConnectionString;
        }

        if (options.Database.Provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException(
                "Softswitch:Database:ConnectionString is required when Softswitch:Database:Provider is SqlServer.");
        }

        var dataDir = ResolveDataDir(options);
        return $"Data Source={Path.Combine(dataDir, "softswitch.db")};Pooling=True";
    }
}

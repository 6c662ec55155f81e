using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Data.Sqlite;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Before anything else starts: create the data folder, migrate the database, and on first run create the
/// platform admin key and the demo tenant, printing their keys once.
/// </summary>
public sealed class DatabaseStartup(
    IServiceScopeFactory scopes, IOptions<SoftswitchOptions> options, FirstRunSeeder seeder, ILogger<DatabaseStartup> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var softswitch = options.Value;
        if (softswitch.Database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(DatabaseRegistration.ResolveDataDir(softswitch));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoftswitchDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (softswitch.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets API reads proceed while the worker writes.
            await SqliteDatabaseSetup.EnableWalAsync(db, cancellationToken);
        }

        logger.LogInformation("Database ready ({Provider})", softswitch.Database.Provider);
        await seeder.SeedAsync(db, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

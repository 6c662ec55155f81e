using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Data;
using Softswitch.Data.Sqlite;

namespace Softswitch.Api.Hosting;

/// <summary>
/// Before anything else starts: create the data folder, migrate the database, and on first run create the
/// platform admin key and the demo tenant, printing their keys once.
/// </summary>
/// <remarks>
/// A process with the <c>switch</c> role starts even when the database does not answer, because the switch can route
/// from its last good snapshot file; it then keeps trying to prepare the database in the background, backing off up to
/// <see cref="MaxRetryInterval"/>. A process without the switch role has nothing useful to do without the database and
/// fails to start.
/// </remarks>
public sealed partial class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<SoftswitchOptions> options,
    ProcessRoles roles,
    FirstRunSeeder seeder,
    TimeProvider time,
    ILogger<DatabaseStartup> logger)
    : IHostedLifecycleService, IDisposable
{
    public static readonly TimeSpan FirstRetryInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryInterval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private bool _disposed;
    private Task _retrying = Task.CompletedTask;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var softswitch = options.Value;
        if (softswitch.Database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(DatabaseRegistration.ResolveDataDir(softswitch));
        }

        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (Exception exception) when (roles.Switch && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachableAtStart(logger, exception);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // A host whose stop outlasted its timeout can be disposed before a second stop reaches this service.
        StopRetrying();
        try
        {
            await _retrying;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next try.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private void StopRetrying()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _stopping.Cancel();
            }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var softswitch = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoftswitchDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (softswitch.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets API reads proceed while the worker writes.
            await SqliteDatabaseSetup.EnableWalAsync(db, cancellationToken);
        }

        LogReady(logger, softswitch.Database.Provider);
        await seeder.SeedAsync(db, cancellationToken);
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var wait = FirstRetryInterval;
        while (true)
        {
            await Task.Delay(wait, time, cancellationToken);
            try
            {
                await PrepareAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                wait = wait * 2 < MaxRetryInterval ? wait * 2 : MaxRetryInterval;
                LogRetryFailed(logger, exception, wait.TotalSeconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The database cannot be prepared at start; the switch starts without it and keeps trying in the background")]
    private static partial void LogUnreachableAtStart(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database still cannot be prepared; next try in {RetrySeconds} s")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, double retrySeconds);
}

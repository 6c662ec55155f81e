using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>
/// Holds the first save that adds an account named <paramref name="accountName"/> until <see cref="Release"/>, so a
/// test can send a second request while the first is in flight inside its endpoint. Registered by tests only.
/// </summary>
public sealed class HoldingSaveInterceptor(string accountName) : SaveChangesInterceptor
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int holds;

    /// <summary>Completes when the held save has started.</summary>
    public Task Entered => entered.Task;

    public void Register(IServiceCollection services) =>
        services.ConfigureDbContext<SoftswitchDbContext>(options => options.AddInterceptors(this));

    public void Release() => released.TrySetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var adds = eventData.Context?.ChangeTracker.Entries<Account>()
            .Any(a => a.State == EntityState.Added && a.Entity.Name == accountName) == true;
        if (adds && Interlocked.Increment(ref holds) == 1)
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(MaxHold, cancellationToken);
        }

        return result;
    }
}

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Domain;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Package renewals (the card's "package renewals" job, VOS3000 suite orders): every due subscription, tenant by tenant,
/// gets its ended period's minimum-spend shortfall and its next period's rent, or ends (lapses, or suspends its account)
/// when the package stops or the account cannot pay. Each subscription commits on its own; every charge is unique per
/// subscription, period and kind, so a second run, or a run after a crash, charges nothing twice.
/// </summary>
public sealed class PackageRenewalJob(DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<PackageRenewalJob> logger)
{
    public const string Actor = "package-renewal";
    private const int MaxSubscriptionsPerRun = 10_000;

    [DisableConcurrentExecution(timeoutInSeconds: 3_600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(string TenantId, string Id)> due;
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, time))
        {
            due = (await platform.Subscriptions.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
                    .Where(s => s.Status == SubscriptionStatus.Active && s.PaidThrough <= now)
                    .OrderBy(s => s.PaidThrough).ThenBy(s => s.Id)
                    .Take(MaxSubscriptionsPerRun)
                    .Select(s => new { s.TenantId, s.Id })
                    .ToListAsync(cancellationToken))
                .Select(s => (s.TenantId, s.Id)).ToList();
        }

        foreach (var (tenantId, id) in due)
        {
            await RenewAsync(tenantId, id, now, cancellationToken);
        }

        logger.LogInformation("Renewed {Count} package subscriptions", due.Count);
        return due.Count;
    }

    private async Task RenewAsync(string tenantId, string subscriptionId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Id: subscriptionId, Now: now),
            static async (_, state, token) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(token);
                var subscription = await state.Db.Subscriptions.SingleAsync(s => s.Id == state.Id, token);
                var package = await state.Db.Packages.AsNoTracking().SingleAsync(p => p.Id == subscription.PackageId, token);
                await PackageBilling.RenewAsync(state.Db, subscription, package, state.Now, Actor, token);
                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            cancellationToken);
    }
}

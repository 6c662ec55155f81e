using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Alarms;

namespace Softswitch.Worker.Jobs;

/// <summary>
/// Alarm evaluation (issue 9 §8), every minute, off the call path: each enabled rule of each tenant is judged against
/// the tenant's CDRs, rollups, balances and security events, in a context fixed to that tenant. Each rule's firings
/// and its cursor are saved together; a firing's (rule, subject, window) is unique, so a second run, or a run after a
/// crash, fires nothing twice. Alarms older than <see cref="RetentionDays"/> are deleted.
/// </summary>
public sealed class AlarmEvaluationJob(DbContextOptions<SoftswitchDbContext> options, TimeProvider time, ILogger<AlarmEvaluationJob> logger)
{
    public const int RetentionDays = 90;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<string> tenants;
        await using (var platform = new SoftswitchDbContext(options, FixedTenantContext.None, time))
        {
            tenants = await platform.AlarmRules.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).AsNoTracking()
                .Where(r => r.Enabled).Select(r => r.TenantId).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
            var expired = now.AddDays(-RetentionDays);
            await platform.Alarms.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]).Where(a => a.FiredAt < expired).ExecuteDeleteAsync(cancellationToken);
            await GatewayDownAlarmEvaluator.PurgeAsync(platform, now, cancellationToken);
        }

        var fired = 0;
        foreach (var tenantId in tenants)
        {
            fired += await EvaluateTenantAsync(tenantId, now, cancellationToken);
        }

        logger.LogInformation("Alarm evaluation stored {Count} alarms for {Tenants} tenants", fired, tenants.Count);
        return fired;
    }

    private async Task<int> EvaluateTenantAsync(string tenantId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), time);
        var rules = await db.AlarmRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var rule in rules)
        {
            db.ChangeTracker.Clear();
            var count = rule.Kind switch
            {
                _ when CdrAlarmEvaluator.Reads(rule.Kind) => await CdrAlarmEvaluator.EvaluateAsync(db, rule, now, cancellationToken),
                _ when WindowAlarmEvaluator.Reads(rule.Kind) => await WindowAlarmEvaluator.EvaluateAsync(db, rule, now, cancellationToken),
                AlarmKind.GatewayDown => await GatewayDownAlarmEvaluator.EvaluateAsync(db, rule, now, cancellationToken),
                _ => await StateAlarmEvaluator.EvaluateAsync(db, rule, now, cancellationToken),
            };
            await db.SaveChangesAsync(cancellationToken);
            fired += count;
        }

        await db.AlarmCursors.Where(c => !db.AlarmRules.Any(r => r.Id == c.RuleId && r.Enabled)).ExecuteDeleteAsync(cancellationToken);
        return fired;
    }
}

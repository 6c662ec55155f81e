using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// <c>gateway_down</c>: a routing gateway whose latest health event (written by a switch when OPTIONS pings went
/// unanswered) is <c>down</c>, for at least <c>threshold</c> seconds (none: at once), fires once for that down period:
/// the window key is the down event's id, so later runs find it stored. When the latest event is no longer that one
/// (up, unknown, or a later down period) the job resolves the alarm.
/// </summary>
public static class GatewayDownAlarmEvaluator
{
    public static async Task<int> EvaluateAsync(SoftswitchDbContext db, AlarmRule rule, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        var events = db.GatewayHealthEvents.AsNoTracking();
        if (rule.RoutingGatewayId is { } only)
        {
            events = events.Where(e => e.RoutingGatewayId == only);
        }

        var latest = (await events
                .GroupBy(e => e.RoutingGatewayId)
                .Select(g => g.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).First())
                .ToListAsync(cancellationToken))
            .ToDictionary(e => e.RoutingGatewayId, StringComparer.Ordinal);
        var unresolved = await db.Alarms.Where(a => a.RuleId == rule.Id && a.State != AlarmState.Resolved).ToListAsync(cancellationToken);
        foreach (var alarm in unresolved)
        {
            if (!latest.TryGetValue(alarm.SubjectId, out var current) || current.Status != GatewayHealthStatus.Down || current.Id != alarm.WindowKey)
            {
                (alarm.State, alarm.ResolvedAt, alarm.ResolvedBy) = (AlarmState.Resolved, now, StateAlarmEvaluator.AutoResolver);
            }
        }

        var threshold = rule.Threshold ?? 0m;
        var down = latest.Values
            .Where(e => e.Status == GatewayHealthStatus.Down && (decimal)(now - e.OccurredAt).TotalSeconds >= threshold)
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        if (down.Count == 0)
        {
            return 0;
        }

        var ids = down.Select(e => e.RoutingGatewayId).ToList();
        var names = await db.RoutingGateways.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var firings = down.Select(e =>
        {
            var seconds = Math.Floor((decimal)(now - e.OccurredAt).TotalSeconds);
            var name = names.TryGetValue(e.RoutingGatewayId, out var known) ? known : e.RoutingGatewayId;
            return new AlarmFiring(
                AlarmFiring.RoutingGateway, e.RoutingGatewayId, e.Id, seconds, threshold,
                string.Create(CultureInfo.InvariantCulture, $"Routing gateway {name} down since {e.OccurredAt:yyyy-MM-ddTHH:mm:ssZ} ({seconds:0} s): {e.ConsecutiveTimeouts} OPTIONS pings in a row unanswered."),
                []);
        });
        return await AlarmRecorder.RecordAsync(db, rule, [.. firings.Take(AlarmRecorder.MaxFiringsPerRun)], now, cancellationToken);
    }

    /// <summary>Deletes health events older than the retention, except each gateway's latest (the state it is in).</summary>
    public static Task<int> PurgeAsync(SoftswitchDbContext platform, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var expired = now.AddDays(-GatewayHealthEvent.RetentionDays);
        var all = platform.GatewayHealthEvents.IgnoreQueryFilters([SoftswitchDbContext.TenantFilter]);
        return all
            .Where(e => e.OccurredAt < expired && all.Any(o => o.TenantId == e.TenantId && o.RoutingGatewayId == e.RoutingGatewayId && o.OccurredAt > e.OccurredAt))
            .ExecuteDeleteAsync(cancellationToken);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Worker.Alarms;

/// <summary>
/// Stores a rule's firings: a firing whose (rule, subject, window) is already stored is dropped, so evaluating a window
/// twice fires once. A firing inside the suppression window of the last notified alarm about the same subject (looked
/// up in the table, so it holds across runs), or under a suppress-all rule, is stored as <see cref="AlarmState.Suppressed"/>
/// and sends nothing; any other is stored open, queued for the <c>alarm-emails</c> job and put in the webhook outbox as
/// <c>alarm.fired</c> when an enabled endpoint subscribes to it. The caller saves, with its cursor, in one transaction.
/// </summary>
public static class AlarmRecorder
{
    /// <summary>The most firings one rule stores in one run; the rest wait for the next run (CDR cursors stop there).</summary>
    public const int MaxFiringsPerRun = 100;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RecordAsync(
        SoftswitchDbContext db, AlarmRule rule, IReadOnlyList<AlarmFiring> firings, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(firings);
        if (firings.Count == 0)
        {
            return 0;
        }

        var subjects = firings.Select(f => f.SubjectId).Distinct(StringComparer.Ordinal).ToList();
        var keys = firings.Select(f => f.WindowKey).Distinct(StringComparer.Ordinal).ToList();
        var stored = (await db.Alarms.AsNoTracking()
                .Where(a => a.RuleId == rule.Id && subjects.Contains(a.SubjectId) && keys.Contains(a.WindowKey))
                .Select(a => new { a.SubjectId, a.WindowKey }).ToListAsync(cancellationToken))
            .Select(a => (a.SubjectId, a.WindowKey)).ToHashSet();
        var lastNotified = (await db.Alarms.AsNoTracking()
                .Where(a => a.RuleId == rule.Id && subjects.Contains(a.SubjectId) && a.EmailStatus != AlarmEmailStatus.Suppressed)
                .GroupBy(a => a.SubjectId).Select(g => new { Subject = g.Key, Last = g.Max(a => a.FiredAt) })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Subject, a => a.Last, StringComparer.Ordinal);
        var webhook = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => e.EventTypes).ToListAsync(cancellationToken);
        var subscribed = webhook.Any(types => types.Contains(WebhookEventTypes.AlarmFired));

        var recorded = 0;
        foreach (var firing in firings)
        {
            if (!stored.Add((firing.SubjectId, firing.WindowKey)))
            {
                continue;
            }

            var suppressed = AlarmChecks.IsSuppressed(
                rule.SuppressAll, rule.SuppressionMinutes, lastNotified.TryGetValue(firing.SubjectId, out var last) ? last : null, now);
            var alarm = new Alarm
            {
                Id = IdGenerator.New(IdPrefix.Alarm, now), RuleId = rule.Id, Kind = rule.Kind, SubjectType = firing.SubjectType, SubjectId = firing.SubjectId,
                WindowKey = firing.WindowKey, Observed = Money.Round(firing.Observed), Threshold = Money.Round(firing.Threshold),
                Evidence = Truncate(firing.Evidence, Alarm.EvidenceMaxLength), CdrIds = [.. firing.CdrIds.Take(Alarm.MaxCdrIds)], FiredAt = now,
                State = suppressed ? AlarmState.Suppressed : AlarmState.Open,
                EmailStatus = suppressed ? AlarmEmailStatus.Suppressed : AlarmEmailStatus.Pending,
                EmailNextAttemptAt = suppressed ? null : now,
            };
            db.Alarms.Add(alarm);
            if (!suppressed)
            {
                lastNotified[firing.SubjectId] = now;
                if (subscribed)
                {
                    db.WebhookEvents.Add(Event(alarm, rule, db.CurrentTenantId!, now));
                }
            }

            recorded++;
        }

        return recorded;
    }

    private static WebhookEvent Event(Alarm alarm, AlarmRule rule, string tenantId, DateTime now)
    {
        var id = WebhookEventIds.New(now);
        var body = new
        {
            Type = WebhookEventTypes.AlarmFired, Timestamp = now, EventId = id, TenantId = tenantId,
            Data = new
            {
                AlarmId = alarm.Id, RuleId = rule.Id, RuleName = rule.Name, Kind = AlarmText.KindName(alarm.Kind), alarm.SubjectType, alarm.SubjectId,
                alarm.WindowKey, alarm.Observed, alarm.Threshold, alarm.Evidence, alarm.CdrIds, alarm.FiredAt,
            },
        };
        return new WebhookEvent { Id = id, Type = WebhookEventTypes.AlarmFired, OccurredAt = now, Payload = JsonSerializer.Serialize(body, Json) };
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

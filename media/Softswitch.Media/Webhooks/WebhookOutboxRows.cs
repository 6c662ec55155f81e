using Microsoft.EntityFrameworkCore;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Media.Webhooks;

/// <summary>
/// The outbox rows stored with a batch of one tenant's final CDRs: every event each call published (rebuilt by
/// <see cref="CallEventHistory"/>) whose type an enabled endpoint of the tenant subscribes to, less those already in
/// the outbox (written by the fast path after a failure). Why this is durable enough: an event reaches the webhook
/// consumer only after the CDR spool has fsynced the call's journal entry, and the journal entry (or, after a crash,
/// the interrupted CDR made from it) names every event before it; the CDR and these rows then commit in one
/// transaction. A <c>kill -9</c> anywhere leaves either the spool to replay or both rows stored.
/// </summary>
public static class WebhookOutboxRows
{
    public static async Task<IReadOnlyList<Entity>> ForAsync(SoftswitchDbContext db, IReadOnlyList<CallDetailRecord> finals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(finals);
        if (finals.Count == 0)
        {
            return [];
        }

        var subscribed = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => e.EventTypes).ToListAsync(cancellationToken))
            .SelectMany(types => types).ToHashSet(StringComparer.Ordinal);
        if (subscribed.Count == 0)
        {
            return [];
        }

        var events = finals
            .SelectMany(final => CallEventHistory.Of(final).Select(e => (e.Kind, e.Sequence, Final: final)))
            .Where(e => subscribed.Contains(CallEventPayload.TypeOf(e.Kind)))
            .Select(e => CallEventPayload.From(e.Kind, e.Sequence, e.Final))
            .ToList();
        var ids = events.Select(e => e.EventId).ToList();
        var present = (await db.WebhookEvents.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return events.Where(e => !present.Contains(e.EventId)).Select(e => (Entity)WebhookOutbox.Row(e)).ToList();
    }
}

using System.Text;
using Softswitch.Domain;

namespace Softswitch.Media.Webhooks;

/// <summary>Outbox rows for call events, waiting for the retry job to fan them out.</summary>
public static class WebhookOutbox
{
    public static WebhookEvent Row(CallEventPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new WebhookEvent
        {
            Id = payload.EventId,
            TenantId = payload.TenantId,
            Type = payload.Type,
            OccurredAt = payload.OccurredAt.UtcDateTime,
            CdrId = payload.CdrId,
            Payload = Encoding.UTF8.GetString(payload.Body),
        };
    }
}

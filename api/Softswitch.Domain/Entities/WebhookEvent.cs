namespace Softswitch.Domain;

/// <summary>
/// One event in the tenant's webhook outbox: its signed body is rebuilt from <see cref="Payload"/> on every attempt.
/// A call's events get ids derived from the CDR id and the per-call sequence (<see cref="WebhookEventIds.ForCall"/>),
/// so the switch's fast path, the outbox rows written with the CDR and a replay after a crash all name the same event
/// and a receiver de-duplicates on <c>webhook-id</c>.
/// </summary>
public class WebhookEvent : TenantEntity
{
    public const int TypeMaxLength = 40;

    public string Type { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>The CDR of the call the event belongs to; null for events that are not a call's (a test send).</summary>
    public string? CdrId { get; set; }

    /// <summary>The JSON body sent, as UTF-8 text.</summary>
    public string Payload { get; set; } = "";

    /// <summary>Set once a delivery row exists for every endpoint that subscribed when the event was fanned out.</summary>
    public DateTime? FannedOutAt { get; set; }
}

namespace Softswitch.Domain;

/// <summary>
/// A tenant's HTTPS receiver of call-state webhooks (a CRM): the event types it takes, and the secret its payloads
/// are signed with (Standard Webhooks). After a rotation the previous secret also signs until
/// <see cref="PreviousSecretExpiresAt"/>, so a receiver can switch over without missing a payload.
/// </summary>
public class WebhookEndpoint : TenantEntity
{
    public const int UrlMaxLength = 1_000;
    public const int DescriptionMaxLength = 200;
    public const int DisabledReasonMaxLength = 200;
    public const int SecretMaxLength = 64;
    public const int MaxMetadataHeaders = 10;
    public const int MetadataHeaderMaxLength = 64;

    public string Url { get; set; } = "";

    /// <summary>Subscribed event type names (<see cref="WebhookEventTypes"/>); never empty.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>
    /// Headers of the caller's INVITE copied into the tenant's call events as <c>metadata</c> (at most
    /// <see cref="MaxMetadataHeaders"/>). A call carries those any enabled endpoint of its tenant chose.
    /// </summary>
    public List<string> MetadataHeaders { get; set; } = [];

    public bool Enabled { get; set; } = true;

    public string? Description { get; set; }

    /// <summary>
    /// <c>whsec_</c> and the base64 key. Kept, not hashed, because every payload is signed with it (the control-plane
    /// database must be protected as the API keys' hashes are).
    /// </summary>
    public string Secret { get; set; } = "";

    public string? PreviousSecret { get; set; }

    public DateTime? PreviousSecretExpiresAt { get; set; }

    /// <summary>Why the platform disabled it (410 Gone, or failing for the whole retry schedule); null when a user did.</summary>
    public string? DisabledReason { get; set; }

    public DateTime? DisabledAt { get; set; }
}

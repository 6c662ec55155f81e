using Microsoft.AspNetCore.Mvc;
using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A webhook endpoint as listed: never its secret. <c>disabled_reason</c> says why the platform disabled it.</summary>
public sealed record WebhookEndpointResponse(
    string Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> MetadataHeaders, bool Enabled, string? Description, string? DisabledReason,
    DateTime? DisabledAt, DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>
/// The answer to a create and to a rotation: the endpoint and, in <c>secret</c>, the signing secret (<c>whsec_…</c>).
/// A replay of the create (same <c>Idempotency-Key</c>) answers without it (<c>secret_withheld</c>): the idempotency
/// record never holds a secret. Rotate again if it was lost.
/// </summary>
public sealed record WebhookEndpointSecretResponse(
    string Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> MetadataHeaders, bool Enabled, string? Description, string? DisabledReason,
    DateTime? DisabledAt, DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime UpdatedAt, long Version,
    string? Secret, string? SecretWithheld)
{
    public const string WithheldNotice =
        "The secret is shown only in the response to the first request with this Idempotency-Key. If that response was lost, rotate the secret.";

    public WebhookEndpointSecretResponse WithoutSecret() => this with { Secret = null, SecretWithheld = WithheldNotice };
}

/// <summary>
/// <c>event_types</c>: call.initiated, call.ringing, call.answered, call.completed, call.refused. <c>enabled</c> defaults
/// to true. <c>metadata_headers</c>: up to 10 header names (e.g. <c>X-Crm-Id</c>) whose first value in the caller's
/// INVITE each call event carries in <c>data.metadata</c>, cut to 256 characters; credentials headers are refused.
/// </summary>
public sealed record WebhookEndpointRequest(string? Url, List<string>? EventTypes, bool? Enabled, string? Description, List<string>? MetadataHeaders = null);

/// <summary>Sends every failed delivery of the endpoint whose event happened at or after <c>since</c> again.</summary>
public sealed record WebhookRecoverRequest(DateTime? Since);

/// <summary>Deliveries set due again.</summary>
public sealed record WebhookRecoverResponse(int Redelivering);

/// <summary>One event's delivery to one endpoint: its state, attempts made, and the last attempt's answer and latency.</summary>
public sealed record WebhookDeliveryResponse(
    string Id, string EndpointId, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts,
    DateTime? LastAttemptAt, int? ResponseCode, int? LatencyMilliseconds, string? Error, DateTime? NextAttemptAt, DateTime CreatedAt);

public sealed record WebhookDeliveryQuery(
    [FromQuery(Name = "endpoint_id")] string? EndpointId,
    [FromQuery(Name = "event_id")] string? EventId,
    [FromQuery(Name = "event_type")] string? EventType,
    [FromQuery(Name = "status")] string? Status);

public static class WebhookMapping
{
    public static WebhookEndpointResponse AsResponse(this WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventTypes, e.MetadataHeaders, e.Enabled, e.Description, e.DisabledReason, e.DisabledAt, e.PreviousSecretExpiresAt, e.CreatedAt,
            e.UpdatedAt, e.Version);

    public static WebhookEndpointSecretResponse WithSecret(this WebhookEndpoint e) =>
        new(e.Id, e.Url, e.EventTypes, e.MetadataHeaders, e.Enabled, e.Description, e.DisabledReason, e.DisabledAt, e.PreviousSecretExpiresAt,
            e.CreatedAt, e.UpdatedAt, e.Version, e.Secret, SecretWithheld: null);

    public static WebhookDeliveryResponse AsResponse(this WebhookDelivery d) =>
        new(d.Id, d.EndpointId, d.EventId, d.EventType, d.Status, d.Attempts, d.LastAttemptAt, d.ResponseCode, d.LatencyMilliseconds, d.Error,
            d.NextAttemptAt, d.CreatedAt);
}

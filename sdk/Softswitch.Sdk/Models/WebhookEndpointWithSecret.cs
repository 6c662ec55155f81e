namespace Softswitch.Sdk;

/// <summary>A webhook endpoint with its signing secret (<c>whsec_…</c>), shown by create and rotate only. A replay of the create with the same Idempotency-Key withholds it (<see cref="SecretWithheld"/>).</summary>
public sealed class WebhookEndpointWithSecret
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public required IReadOnlyList<string> MetadataHeaders { get; init; }

    public required bool Enabled { get; init; }

    public required string? Description { get; init; }

    public required string? DisabledReason { get; init; }

    public required DateTimeOffset? DisabledAt { get; init; }

    public required DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }

    public required string? Secret { get; init; }

    public required string? SecretWithheld { get; init; }
}

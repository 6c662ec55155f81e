namespace Softswitch.Sdk;

/// <summary>A webhook endpoint as read: never its secret. <see cref="DisabledReason"/> says why the platform disabled it.</summary>
public sealed class WebhookEndpoint
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
}

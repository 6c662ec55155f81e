namespace Softswitch.Sdk;

/// <summary>An API key as listed: the visible prefix only.</summary>
public sealed class ApiKey
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset? LastUsedAt { get; init; }

    public required DateTimeOffset? RevokedAt { get; init; }

    public required DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }
}

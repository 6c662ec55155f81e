namespace Softswitch.Sdk;

/// <summary>The one response carrying the full key; a replay has key null and key_withheld set.</summary>
public sealed class CreatedApiKey
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string? Key { get; init; }

    public required string? KeyWithheld { get; init; }
}

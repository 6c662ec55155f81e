namespace Softswitch.Sdk;

/// <summary>Creates a key; scopes: read, write, admin.</summary>
public sealed class ApiKeyCreateOptions
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

namespace Softswitch.Domain;

/// <summary>
/// A credential for the REST API. Only <see cref="Prefix"/> is ever shown again after creation;
/// the full key is checked against <see cref="SecretHash"/>.
/// </summary>
public class ApiKey : Entity
{
    public const int NameMaxLength = 100;
    public const int PrefixMaxLength = 32;
    public const int SecretHashLength = 64;

    /// <summary>The owning tenant, or null for a platform administrator key.</summary>
    public string? TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The visible, unique start of the key, e.g. <c>ssk_live_</c> plus 8 characters.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the full key.</summary>
    public string SecretHash { get; set; } = "";

    public ApiKeyScopes Scopes { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public bool IsUsableAt(DateTime utcNow) =>
        RevokedAt is null && (ExpiresAt is null || ExpiresAt > utcNow);
}

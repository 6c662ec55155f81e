using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>An API key as listed: the visible prefix only, never the secret.</summary>
public sealed record ApiKeyResponse(
    string Id, string TenantId, string Name, string Prefix, IReadOnlyList<string> Scopes,
    DateTime? LastUsedAt, DateTime? RevokedAt, DateTime? ExpiresAt, DateTime CreatedAt, long Version);

/// <summary>
/// The one response that carries the full key in <c>key</c>. Store it now: it cannot be shown again. A replay of the
/// request (same <c>Idempotency-Key</c>) answers the same key id with <c>key</c> null and <c>key_withheld</c> saying
/// why: the secret is never stored, not even for replays.
/// </summary>
public sealed record ApiKeyCreatedResponse(
    string Id, string TenantId, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime? ExpiresAt,
    DateTime CreatedAt, string? Key, string? KeyWithheld)
{
    public const string WithheldNotice =
        "The key is shown only once, in the response to the first request with this Idempotency-Key, and is never stored. "
        + "If that response was lost, revoke this key and create a new one.";

    /// <summary>What a replay answers: the same key without its secret.</summary>
    public ApiKeyCreatedResponse WithoutSecret() => this with { Key = null, KeyWithheld = WithheldNotice };
}

/// <summary>Creates a key. <c>scopes</c>: any of read, write, admin (admin implies write, write implies read).</summary>
public sealed record ApiKeyCreateRequest(string? Name, List<string>? Scopes, DateTime? ExpiresAt);

public static class ApiKeyMapping
{
    public static readonly IReadOnlyDictionary<string, ApiKeyScopes> ScopeNames = new Dictionary<string, ApiKeyScopes>
    {
        ["read"] = ApiKeyScopes.Read,
        ["write"] = ApiKeyScopes.Write,
        ["admin"] = ApiKeyScopes.Admin,
    };

    public static IReadOnlyList<string> NamesOf(ApiKeyScopes scopes) =>
        ScopeNames.Where(s => scopes.HasFlag(s.Value)).Select(s => s.Key).ToList();

    public static ApiKeyResponse AsResponse(this ApiKey k) => new(
        k.Id, k.TenantId!, k.Name, k.Prefix, NamesOf(k.Scopes), k.LastUsedAt, k.RevokedAt, k.ExpiresAt, k.CreatedAt, k.Version);
}

using System.Security.Claims;
using Softswitch.Domain;

namespace Softswitch.Api.Auth;

/// <summary>Who is calling: one API key, its tenant (null for the platform admin key) and its scopes.</summary>
public sealed record ApiCaller(string KeyId, string? TenantId, ApiKeyScopes Scopes)
{
    public const string KeyIdClaim = "softswitch:key_id";
    public const string TenantIdClaim = "softswitch:tenant_id";
    public const string ScopesClaim = "softswitch:scopes";

    public bool IsPlatform => TenantId is null;

    public static ApiCaller From(ClaimsPrincipal user)
    {
        var keyId = user.FindFirstValue(KeyIdClaim)
            ?? throw new InvalidOperationException("The request is not authenticated with an API key.");
        var scopes = Enum.Parse<ApiKeyScopes>(user.FindFirstValue(ScopesClaim) ?? nameof(ApiKeyScopes.None));
        return new ApiCaller(keyId, user.FindFirstValue(TenantIdClaim), scopes);
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(KeyIdClaim, KeyId),
            new(ScopesClaim, Scopes.ToString()),
        };
        if (TenantId is not null)
        {
            claims.Add(new Claim(TenantIdClaim, TenantId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Auth;

/// <summary>Turns a presented key into an <see cref="ApiCaller"/>, or says why it is refused.</summary>
public sealed class ApiKeyVerifier(IOptions<SoftswitchOptions> softswitch, SoftswitchDbContext db, TimeProvider time)
{
    public const string ConfiguredPlatformKeyId = "key_configured_platform";

    /// <summary>Last-used times are written at most this often per key, so reads do not each cost a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<(ApiCaller? Caller, string? Failure)> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > 200)
        {
            return (null, "The API key is malformed.");
        }

        if (IsConfiguredPlatformKey(key))
        {
            return (new ApiCaller(ConfiguredPlatformKeyId, null, ApiKeyScopes.Read | ApiKeyScopes.Write | ApiKeyScopes.Admin), null);
        }

        var hash = ApiKeySecret.Hash(key);
        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash)
            .Select(k => new { k.Id, k.TenantId, k.Scopes, k.RevokedAt, k.ExpiresAt, k.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return (null, "The API key is unknown, revoked or expired.");
        }

        if (stored.TenantId is not null)
        {
            var status = await db.Tenants.AsNoTracking().Where(t => t.Id == stored.TenantId)
                .Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
            if (status != TenantStatus.Active)
            {
                return (null, "The tenant of this API key is suspended.");
            }
        }

        if (stored.LastUsedAt is null || now - stored.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == stored.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return (new ApiCaller(stored.Id, stored.TenantId, stored.Scopes), null);
    }

    private bool IsConfiguredPlatformKey(string key)
    {
        var configured = softswitch.Value.PlatformAdminKey;
        return !string.IsNullOrEmpty(configured)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(key)),
                SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Softswitch.Api.Hosting;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Auth;

/// <summary>Turns a presented key into an <see cref="ApiCaller"/>, or says why it is refused.</summary>
/// <remarks>Verified keys are held for 5 seconds (<see cref="VerifiedKeyCache"/>, which states the revocation bounds).</remarks>
public sealed class ApiKeyVerifier(
    IOptions<SoftswitchOptions> softswitch, SoftswitchDbContext db, VerifiedKeyCache cache, TimeProvider time)
{
    public const string ConfiguredPlatformKeyId = "key_configured_platform";

    /// <summary>Last-used times are written at most this often per key, so reads do not each cost a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string UnusableKey = "The API key is unknown, revoked or expired.";

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
        var now = time.GetUtcNow();
        if (!cache.TryGet(hash, out var verified))
        {
            var generation = cache.Generation;
            var (found, failure) = await LookUpAsync(hash, now.UtcDateTime, cancellationToken);
            if (found is null)
            {
                return (null, failure);
            }

            verified = found;
            cache.Remember(hash, verified, generation);
        }

        return verified.ExpiresAt <= now.UtcDateTime
            ? (null, UnusableKey)
            : (new ApiCaller(verified.Id, verified.TenantId, verified.Scopes), null);
    }

    /// <summary>One statement reads the key and its tenant's status; last-used is written at most once a minute.</summary>
    private async Task<(VerifiedKey? Key, string? Failure)> LookUpAsync(string hash, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash)
            .Select(k => new
            {
                k.Id,
                k.TenantId,
                k.Scopes,
                k.RevokedAt,
                k.ExpiresAt,
                k.LastUsedAt,
                TenantStatus = db.Tenants.Where(t => t.Id == k.TenantId).Select(t => (TenantStatus?)t.Status).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return (null, UnusableKey);
        }

        if (stored.TenantId is not null && stored.TenantStatus != TenantStatus.Active)
        {
            return (null, "The tenant of this API key is suspended.");
        }

        if (stored.LastUsedAt is null || now - stored.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == stored.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return (new VerifiedKey(stored.Id, stored.TenantId, stored.Scopes, stored.ExpiresAt, time.GetUtcNow()), null);
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

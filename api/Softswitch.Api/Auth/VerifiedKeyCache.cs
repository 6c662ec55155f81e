using System.Collections.Concurrent;
using Softswitch.Domain;

namespace Softswitch.Api.Auth;

/// <summary>An API key found usable in the database, and when.</summary>
public sealed record VerifiedKey(string Id, string? TenantId, ApiKeyScopes Scopes, DateTime? ExpiresAt, DateTimeOffset VerifiedAt);

/// <summary>
/// Keys verified in the last <see cref="Lifetime"/>, by the SHA-256 of the presented key, so that a client sending 200
/// requests a second costs the database one lookup every 5 seconds instead of 200. Bounds a carrier relies on:
/// <list type="bullet">
/// <item>A key revoked, or a tenant suspended or deleted, through this process stops working at once: the endpoint
/// that commits the change calls <see cref="ForgetKey"/> or <see cref="ForgetTenant"/> before it answers, and a
/// lookup that read the database before that commit cannot store its stale answer (<see cref="Generation"/>).</item>
/// <item>The same change made through another process (another API instance, or SQL by hand) takes effect here
/// within <see cref="Lifetime"/>, 5 seconds.</item>
/// <item>Expiry is checked on every request against the key's own <c>expires_at</c>.</item>
/// </list>
/// Only keys that verified are held, so unknown keys cannot fill it, and at most <see cref="Capacity"/>; beyond that a
/// key is verified in the database every time. An entry is found only by the hash of the whole secret, so one tenant's
/// key never yields another's caller, and forgetting one tenant's keys leaves other tenants' entries alone.
/// </summary>
public sealed class VerifiedKeyCache(TimeProvider time)
{
    /// <summary>How long a verification is trusted: the bound on a revocation made through another process.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>The most keys held; far above the keys that send requests to one process within <see cref="Lifetime"/>.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, VerifiedKey> entries = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>Moves on every <see cref="ForgetKey"/> and <see cref="ForgetTenant"/>; read it before the database lookup and pass it to <see cref="Remember"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The key verified under <paramref name="secretHash"/> within <see cref="Lifetime"/>, if any.</summary>
    public bool TryGet(string secretHash, out VerifiedKey key)
    {
        if (entries.TryGetValue(secretHash, out key!))
        {
            if (time.GetUtcNow() - key.VerifiedAt < Lifetime)
            {
                return true;
            }

            entries.TryRemove(KeyValuePair.Create(secretHash, key));
        }

        return false;
    }

    /// <summary>
    /// Holds <paramref name="key"/>, unless a key or tenant was forgotten since <paramref name="readAtGeneration"/>:
    /// the database answer may then predate the revocation, and the next request looks again.
    /// </summary>
    public void Remember(string secretHash, VerifiedKey key, long readAtGeneration)
    {
        if (entries.Count >= Capacity && !entries.ContainsKey(secretHash))
        {
            return;
        }

        entries[secretHash] = key;

        // A Forget that began before this store removes it in its scan; one that began after the read but before
        // the store has moved the generation, and this store takes itself back.
        if (Generation != readAtGeneration)
        {
            entries.TryRemove(KeyValuePair.Create(secretHash, key));
        }
    }

    /// <summary>Call once the revocation or deletion of key <paramref name="keyId"/> has committed.</summary>
    public void ForgetKey(string keyId) => Forget(key => key.Id == keyId);

    /// <summary>Call once a change to tenant <paramref name="tenantId"/> (status, deletion) has committed.</summary>
    public void ForgetTenant(string tenantId) => Forget(key => key.TenantId == tenantId);

    private void Forget(Func<VerifiedKey, bool> matches)
    {
        Interlocked.Increment(ref generation);
        foreach (var entry in entries)
        {
            if (matches(entry.Value))
            {
                entries.TryRemove(entry);
            }
        }
    }
}

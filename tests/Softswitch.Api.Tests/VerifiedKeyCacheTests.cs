using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Auth;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

public sealed class VerifiedKeyCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_lookup_that_read_the_database_before_a_revocation_is_not_held()
    {
        var cache = new VerifiedKeyCache(_clock);
        var readAt = cache.Generation;

        // The revocation commits and is forgotten while the lookup's answer, read before it, is on its way.
        cache.ForgetKey("key_a");
        cache.Remember("hash-a", Key("key_a", "tenant_a"), readAt);

        Assert.False(cache.TryGet("hash-a", out _));
    }

    [Fact]
    public void A_verification_is_held_for_the_lifetime_and_no_longer()
    {
        var cache = new VerifiedKeyCache(_clock);
        cache.Remember("hash-a", Key("key_a", "tenant_a"), cache.Generation);

        _clock.Advance(VerifiedKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        var within = cache.TryGet("hash-a", out var held);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = cache.TryGet("hash-a", out _);

        Assert.True(within);
        Assert.Equal("key_a", held.Id);
        Assert.False(after);
    }

    [Fact]
    public void Forgetting_a_tenant_drops_only_that_tenants_keys()
    {
        var cache = new VerifiedKeyCache(_clock);
        cache.Remember("hash-a1", Key("key_a1", "tenant_a"), cache.Generation);
        cache.Remember("hash-a2", Key("key_a2", "tenant_a"), cache.Generation);
        cache.Remember("hash-b", Key("key_b", "tenant_b"), cache.Generation);
        cache.Remember("hash-p", Key("key_p", null), cache.Generation);

        cache.ForgetTenant("tenant_a");

        Assert.False(cache.TryGet("hash-a1", out _));
        Assert.False(cache.TryGet("hash-a2", out _));
        Assert.True(cache.TryGet("hash-b", out var beta));
        Assert.Equal("tenant_b", beta.TenantId);
        Assert.True(cache.TryGet("hash-p", out _));
    }

    [Fact]
    public void Beyond_capacity_new_keys_are_not_held_and_held_ones_stay()
    {
        var cache = new VerifiedKeyCache(_clock);
        for (var i = 0; i < VerifiedKeyCache.Capacity; i++)
        {
            cache.Remember($"hash-{i}", Key($"key_{i}", "tenant_a"), cache.Generation);
        }

        cache.Remember("hash-extra", Key("key_extra", "tenant_b"), cache.Generation);
        cache.Remember("hash-0", Key("key_0", "tenant_a"), cache.Generation);

        Assert.False(cache.TryGet("hash-extra", out _));
        Assert.True(cache.TryGet("hash-0", out _));
    }

    private VerifiedKey Key(string id, string? tenantId) =>
        new(id, tenantId, ApiKeyScopes.Read, ExpiresAt: null, _clock.GetUtcNow());
}

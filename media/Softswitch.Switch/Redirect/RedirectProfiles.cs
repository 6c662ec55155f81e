using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Redirect;

/// <summary>Every tenant's enabled redirect profiles: a trunk's own profile, else its tenant's.</summary>
public sealed class RedirectProfiles
{
    public static readonly RedirectProfiles Empty = new(FrozenDictionary<string, RedirectSettings>.Empty, FrozenDictionary<(string, string), RedirectSettings>.Empty);

    private readonly FrozenDictionary<string, RedirectSettings> _tenants;
    private readonly FrozenDictionary<(string Tenant, string Trunk), RedirectSettings> _trunks;

    private RedirectProfiles(FrozenDictionary<string, RedirectSettings> tenants, FrozenDictionary<(string, string), RedirectSettings> trunks)
    {
        _tenants = tenants;
        _trunks = trunks;
    }

    public bool IsEmpty => _tenants.Count == 0 && _trunks.Count == 0;

    /// <summary>Every profile with its tenant (the routing servers to ping).</summary>
    public IEnumerable<(string TenantId, RedirectSettings Settings)> All =>
        _tenants.Select(t => (t.Key, t.Value)).Concat(_trunks.Select(t => (t.Key.Tenant, t.Value)));

    public static RedirectProfiles Create(IEnumerable<RedirectProfile> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tenants = new Dictionary<string, RedirectSettings>(StringComparer.Ordinal);
        var trunks = new Dictionary<(string, string), RedirectSettings>();
        foreach (var row in rows.Where(r => r.Enabled))
        {
            if (RedirectSettings.From(row) is not { } settings)
            {
                continue;
            }

            if (row.MappingGatewayId is { } trunk)
            {
                trunks.TryAdd((row.TenantId, trunk), settings);
            }
            else
            {
                tenants.TryAdd(row.TenantId, settings);
            }
        }

        return new RedirectProfiles(tenants.ToFrozenDictionary(StringComparer.Ordinal), trunks.ToFrozenDictionary());
    }

    /// <summary>The profile for a call of <paramref name="tenantId"/> on trunk <paramref name="mappingGatewayId"/> (null for a phone's call).</summary>
    public RedirectSettings? For(string tenantId, string? mappingGatewayId)
    {
        if (IsEmpty)
        {
            return null;
        }

        if (mappingGatewayId is not null && _trunks.TryGetValue((tenantId, mappingGatewayId), out var trunk))
        {
            return trunk;
        }

        return _tenants.GetValueOrDefault(tenantId);
    }
}

using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Geofencing;

/// <summary>
/// Every tenant's geofences, immutable; <see cref="GeofencePolicySource"/> publishes a new one when the control plane
/// changes a fence or a range set. Kept apart from the configuration snapshot because range sets can be large (a
/// country's networks), and the snapshot is written whole to its file on every change.
/// </summary>
public sealed class GeofencePolicy
{
    private readonly FrozenDictionary<string, TenantGeofences> _tenants;

    private GeofencePolicy(FrozenDictionary<string, TenantGeofences> tenants) => _tenants = tenants;

    public static GeofencePolicy Empty { get; } = new(FrozenDictionary<string, TenantGeofences>.Empty);

    public int TenantCount => _tenants.Count;

    public TenantGeofences? For(string tenantId) => _tenants.GetValueOrDefault(tenantId);

    /// <summary>Builds the policy from stored fences and the indexes of the sets they name (a fence whose set is missing is left out).</summary>
    public static GeofencePolicy Create(IEnumerable<Geofence> fences, IReadOnlyDictionary<string, IpRangeIndex> sets)
    {
        ArgumentNullException.ThrowIfNull(fences);
        ArgumentNullException.ThrowIfNull(sets);
        var tenants = fences
            .Where(f => sets.ContainsKey(f.IpRangeSetId))
            .GroupBy(f => f.TenantId, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g =>
                {
                    GeofenceRule Rule(Geofence f) => new(f.Id, f.Scope, f.Mode, sets[f.IpRangeSetId], f.RefusalStatus);
                    FrozenDictionary<string, GeofenceRule> At(GeofenceScope scope) => g
                        .Where(f => f.Scope == scope && f.TargetId is not null)
                        .DistinctBy(f => f.TargetId)
                        .ToFrozenDictionary(f => f.TargetId!, Rule, StringComparer.Ordinal);
                    var tenant = g.Where(f => f.Scope == GeofenceScope.Tenant).OrderBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault();
                    return new TenantGeofences(
                        tenant is null ? null : Rule(tenant),
                        At(GeofenceScope.MappingGateway),
                        At(GeofenceScope.Phone),
                        At(GeofenceScope.RoutingGateway));
                },
                StringComparer.Ordinal);
        return new GeofencePolicy(tenants);
    }
}

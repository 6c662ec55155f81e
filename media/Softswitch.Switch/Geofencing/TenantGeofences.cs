using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Geofencing;

/// <summary>
/// One tenant's fences by level, and the precedence between them: the most specific level whose fence is not Ignore
/// decides alone. For a caller that is its trunk (mapping gateway) or phone, for a vendor its routing gateway, and
/// otherwise the tenant's fence. The tenant's fence is the default for every peer; a trunk's or vendor's fence is the
/// operator's deliberate word about that one peer (a partner abroad allowed past a domestic-only tenant fence), which
/// an "all must pass" rule could not express without deleting the tenant's fence. Ignore means "not set here".
/// </summary>
public sealed class TenantGeofences(
    GeofenceRule? tenant,
    FrozenDictionary<string, GeofenceRule> mappingGateways,
    FrozenDictionary<string, GeofenceRule> phones,
    FrozenDictionary<string, GeofenceRule> routingGateways)
{
    /// <summary>The fence deciding for a caller on trunk <paramref name="mappingGatewayId"/> or phone <paramref name="phoneId"/>; null: none.</summary>
    public GeofenceRule? ForCaller(string? mappingGatewayId, string? phoneId)
    {
        var specific = mappingGatewayId is not null
            ? mappingGateways.GetValueOrDefault(mappingGatewayId)
            : phoneId is not null ? phones.GetValueOrDefault(phoneId) : null;
        return Decide(specific);
    }

    /// <summary>The fence deciding for vendor <paramref name="routingGatewayId"/>; null: none.</summary>
    public GeofenceRule? ForVendor(string routingGatewayId) => Decide(routingGateways.GetValueOrDefault(routingGatewayId));

    private GeofenceRule? Decide(GeofenceRule? specific) =>
        specific is { Mode: not GeofenceMode.Ignore } ? specific
        : tenant is { Mode: not GeofenceMode.Ignore } ? tenant
        : null;
}

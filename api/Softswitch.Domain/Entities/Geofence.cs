namespace Softswitch.Domain;

/// <summary>
/// An <see cref="IpRangeSet"/> applied with a <see cref="GeofenceMode"/> at one level: the tenant, a mapping gateway,
/// a routing gateway or a phone. At most one per level and target.
/// </summary>
public class Geofence : TenantEntity
{
    public const int DefaultRefusalStatus = 403;

    public GeofenceScope Scope { get; set; }

    /// <summary>Set when <see cref="Scope"/> is <see cref="GeofenceScope.MappingGateway"/>.</summary>
    public string? MappingGatewayId { get; set; }

    /// <summary>Set when <see cref="Scope"/> is <see cref="GeofenceScope.RoutingGateway"/>.</summary>
    public string? RoutingGatewayId { get; set; }

    /// <summary>Set when <see cref="Scope"/> is <see cref="GeofenceScope.Phone"/>.</summary>
    public string? PhoneId { get; set; }

    public string IpRangeSetId { get; set; } = "";

    public GeofenceMode Mode { get; set; }

    /// <summary>The SIP status a caller refused by this fence gets (4xx–6xx).</summary>
    public int RefusalStatus { get; set; } = DefaultRefusalStatus;

    /// <summary>The id of the trunk, vendor or phone the fence applies to; null for the tenant level.</summary>
    public string? TargetId => Scope switch
    {
        GeofenceScope.MappingGateway => MappingGatewayId,
        GeofenceScope.RoutingGateway => RoutingGatewayId,
        GeofenceScope.Phone => PhoneId,
        _ => null,
    };
}

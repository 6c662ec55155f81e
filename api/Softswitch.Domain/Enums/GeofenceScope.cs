namespace Softswitch.Domain;

/// <summary>Where a geofence applies: the whole tenant, or one customer trunk, vendor or phone.</summary>
public enum GeofenceScope
{
    Tenant,
    MappingGateway,
    RoutingGateway,
    Phone,
}

namespace Softswitch.Sdk;

public enum GeofenceScope
{
    Tenant,
    MappingGateway,
    RoutingGateway,
    Phone,
}

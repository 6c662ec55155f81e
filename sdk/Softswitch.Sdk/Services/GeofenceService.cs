using Softswitch.Sdk.Http;

namespace Softswitch.Sdk.Services;

/// <summary><c>/v1/geofences</c>: IP range sets applied at the tenant, a mapping or routing gateway, or a phone.</summary>
public class GeofenceService : CrudService<Geofence, GeofenceOptions, GeofenceOptions, ListOptions>
{
    internal GeofenceService(ApiRequester requester) : base(requester, "v1/geofences") { }
}

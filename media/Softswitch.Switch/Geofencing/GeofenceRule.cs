using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Geofencing;

/// <summary>One geofence as the switch applies it: a range set, a mode and the SIP status of a refusal.</summary>
public sealed class GeofenceRule(string id, GeofenceScope scope, GeofenceMode mode, IpRangeIndex set, int refusalStatus)
{
    public string Id { get; } = id;

    public GeofenceScope Scope { get; } = scope;

    public GeofenceMode Mode { get; } = mode;

    public IpRangeIndex Set { get; } = set;

    public int RefusalStatus { get; } = refusalStatus;

    /// <summary>
    /// Whether the fence refuses <paramref name="address"/>: inside a Forbidden set, or outside an Allow set. A null
    /// address (a host name in SDP, which the switch does not resolve) is outside every set.
    /// </summary>
    public bool Refuses(IPAddress? address) => Mode switch
    {
        GeofenceMode.Forbidden => address is not null && Set.Contains(address),
        GeofenceMode.Allow => address is null || !Set.Contains(address),
        _ => false,
    };
}

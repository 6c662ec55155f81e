using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Tests.Geofencing;

/// <summary>Builds a <see cref="GeofencePolicy"/> from fences and named sets, as the refresher does from stored rows.</summary>
internal sealed class GeofenceRows
{
    private readonly List<Geofence> _fences = [];
    private readonly Dictionary<string, IpRangeIndex> _sets = new(StringComparer.Ordinal);

    public GeofenceRows Set(string id, params string[] ranges)
    {
        _sets[id] = IpRangeIndex.Build(ranges.Select(AddressRange.Parse));
        return this;
    }

    public GeofenceRows Fence(string tenant, GeofenceScope scope, string? target, string set, GeofenceMode mode, int status = 403)
    {
        _fences.Add(new Geofence
        {
            Id = $"gfn_{_fences.Count}",
            TenantId = tenant,
            Scope = scope,
            MappingGatewayId = scope == GeofenceScope.MappingGateway ? target : null,
            RoutingGatewayId = scope == GeofenceScope.RoutingGateway ? target : null,
            PhoneId = scope == GeofenceScope.Phone ? target : null,
            IpRangeSetId = set,
            Mode = mode,
            RefusalStatus = status,
        });
        return this;
    }

    public GeofencePolicy Policy() => GeofencePolicy.Create(_fences, _sets);

    public GeofencePolicySource Source()
    {
        var source = new GeofencePolicySource();
        source.Publish(Policy());
        return source;
    }
}

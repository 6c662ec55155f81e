namespace Softswitch.Sdk;

/// <summary>An IP range set applied at the tenant, a gateway or a phone: <c>forbidden</c> refuses an address inside the set, <c>allow</c> one outside it, <c>ignore</c> leaves the decision to the tenant's fence.</summary>
public sealed class Geofence
{
    public required string Id { get; init; }

    public required GeofenceScope Scope { get; init; }

    public required string? TargetId { get; init; }

    public required string IpRangeSetId { get; init; }

    public required GeofenceMode Mode { get; init; }

    public required int RefusalStatus { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

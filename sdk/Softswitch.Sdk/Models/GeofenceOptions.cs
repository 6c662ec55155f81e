namespace Softswitch.Sdk;

/// <summary>Applies an IP range set at the tenant, a mapping or routing gateway, or a phone (<see cref="TargetId"/>, absent for the tenant).</summary>
public sealed class GeofenceOptions
{
    public required GeofenceScope Scope { get; init; }

    public string? TargetId { get; init; }

    public required string IpRangeSetId { get; init; }

    public required GeofenceMode Mode { get; init; }

    public int? RefusalStatus { get; init; }
}

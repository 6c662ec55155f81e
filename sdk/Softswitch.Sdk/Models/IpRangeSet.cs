namespace Softswitch.Sdk;

/// <summary>A named set of IP ranges (e.g. the networks of the countries a tenant serves), applied by geofences.</summary>
public sealed class IpRangeSet
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string? Description { get; init; }

    public required int RangeCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>Creates, renames or describes an IP range set.</summary>
public sealed class IpRangeSetOptions
{
    public required string Name { get; init; }

    public string? Description { get; init; }
}

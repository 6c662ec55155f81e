namespace Softswitch.Sdk;

/// <summary>One range of a set, from its first to its last address; <see cref="Cidr"/> is null when the range is not one block.</summary>
public sealed class IpRange
{
    public required string Id { get; init; }

    public required string First { get; init; }

    public required string Last { get; init; }

    public required string? Cidr { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

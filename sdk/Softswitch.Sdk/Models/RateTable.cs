namespace Softswitch.Sdk;

/// <summary>A named price list in one currency.</summary>
public sealed class RateTable
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Currency { get; init; }

    public required string? Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

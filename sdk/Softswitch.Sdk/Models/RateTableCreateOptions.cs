namespace Softswitch.Sdk;

/// <summary>Creates a rate table.</summary>
public sealed class RateTableCreateOptions
{
    public required string Name { get; init; }

    public required string Currency { get; init; }

    public string? Description { get; init; }
}

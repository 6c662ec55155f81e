namespace Softswitch.Sdk;

/// <summary>Replaces a rate table's settings; the currency cannot change.</summary>
public sealed class RateTableUpdateOptions
{
    public required string Name { get; init; }

    public string? Description { get; init; }
}

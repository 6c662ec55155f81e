namespace Softswitch.Sdk;

/// <summary>A number a banned scanner dialled: when first and last, how often, and (platform admin only) from where last.</summary>
public sealed class ScannerDestination
{
    public required string Number { get; init; }

    public required DateTimeOffset FirstDialledAt { get; init; }

    public required DateTimeOffset LastDialledAt { get; init; }

    public required long Dials { get; init; }

    /// <summary>The last scanner's address; null for a tenant key.</summary>
    public required string? LastSource { get; init; }
}

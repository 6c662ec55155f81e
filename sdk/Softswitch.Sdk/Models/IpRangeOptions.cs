namespace Softswitch.Sdk;

/// <summary>Adds one range: a CIDR block (<see cref="Cidr"/>), or <see cref="Start"/> and <see cref="Count"/> addresses.</summary>
public sealed class IpRangeOptions
{
    public string? Cidr { get; init; }

    public string? Start { get; init; }

    public long? Count { get; init; }
}

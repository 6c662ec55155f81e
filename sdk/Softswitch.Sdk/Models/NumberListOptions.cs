namespace Softswitch.Sdk;

/// <summary>Creates or replaces a black or white number list's settings (its numbers are changed through <see cref="Services.NumberListService"/>).</summary>
public sealed class NumberListOptions
{
    public required string Name { get; init; }

    public required NumberListKind Kind { get; init; }

    public required NumberSide Match { get; init; }

    public IReadOnlyList<string>? NumberGroupIds { get; init; }

    public int? RefusalStatus { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>Creates or replaces a number group: a name for a set of prefixes.</summary>
public sealed class NumberGroupOptions
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Prefixes { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>A named set of number prefixes, used by number rules and number lists.</summary>
public sealed class NumberGroup
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Prefixes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

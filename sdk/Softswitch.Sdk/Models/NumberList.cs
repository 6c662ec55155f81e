namespace Softswitch.Sdk;

/// <summary>A black or white list of full numbers matched against the caller or the callee, with its number count.</summary>
public sealed class NumberList
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required NumberListKind Kind { get; init; }

    public required NumberSide Match { get; init; }

    public required IReadOnlyList<string> NumberGroupIds { get; init; }

    public required int RefusalStatus { get; init; }

    public required int NumberCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

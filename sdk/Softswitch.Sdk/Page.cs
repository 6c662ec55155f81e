namespace Softswitch.Sdk;

/// <summary>A page of a list: <c>{data, has_more, next_cursor}</c>.</summary>
public sealed class Page<T>
{
    public required IReadOnlyList<T> Data { get; init; }

    public required bool HasMore { get; init; }

    public required string? NextCursor { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>One page of a list: at most <see cref="Limit"/> rows (1–500, the API's default 50) after <see cref="Cursor"/>.</summary>
public class ListOptions
{
    public int? Limit { get; init; }

    /// <summary><c>next_cursor</c> of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Resource filters as query parameters, in addition to limit and cursor.</summary>
    internal virtual IEnumerable<KeyValuePair<string, string?>> Filters() => [];
}

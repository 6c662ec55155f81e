namespace Softswitch.Api.RateDecks;

/// <summary>How an imported deck meets the rates already in the table.</summary>
public enum RateDeckImportMode
{
    /// <summary>Adds the deck's rates; a row that repeats an existing (prefix, effective_from) is an error.</summary>
    Append,

    /// <summary>Deletes the table's rates and writes the deck's, in one transaction.</summary>
    Replace,
}

public static class RateDeckImportModes
{
    /// <summary>
    /// Reads <c>?mode=</c>; absent means append. Parsed here rather than bound as an enum, because enum binding is
    /// case-sensitive and would also take <c>1</c> for replace.
    /// </summary>
    public static bool TryParse(string? text, out RateDeckImportMode mode)
    {
        mode = RateDeckImportMode.Append;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<RateDeckImportMode>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        return false;
    }
}

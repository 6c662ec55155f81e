namespace Softswitch.Api.RateDecks;

/// <summary>How an imported deck meets the rates already in the table.</summary>
public enum RateDeckImportMode
{
    /// <summary>Adds the deck's rates; a row that repeats an existing (prefix, effective_from) is an error.</summary>
    Append,

    /// <summary>Deletes the table's rates and writes the deck's, in one transaction.</summary>
    Replace,
}

using Softswitch.Api.Http;

namespace Softswitch.Api.RateDecks;

/// <summary>The columns a rate deck may have; the CSV header names them in snake_case, in any order and case.</summary>
public enum RateDeckColumn
{
    Prefix,
    Description,
    PricePerMinute,
    FirstIncrementSeconds,
    NextIncrementSeconds,
    ConnectFee,
    EffectiveFrom,
    EffectiveTo,
}

/// <summary>The deck's first line: which field of a row holds which <see cref="RateDeckColumn"/>.</summary>
public sealed class RateDeckHeader
{
    public const int HeaderLine = 1;

    private static readonly RateDeckColumn[] Required = [RateDeckColumn.Prefix, RateDeckColumn.PricePerMinute];

    private static readonly Dictionary<string, RateDeckColumn> ByName = Enum.GetValues<RateDeckColumn>()
        .ToDictionary(c => NameOf(c), StringComparer.OrdinalIgnoreCase);

    private readonly int[] fieldOf;

    private RateDeckHeader(int[] fieldOf, int fieldCount)
    {
        this.fieldOf = fieldOf;
        FieldCount = fieldCount;
    }

    /// <summary>How many fields every row must have.</summary>
    public int FieldCount { get; }

    public static string NameOf(RateDeckColumn column) => JsonNames.Of(column.ToString());

    /// <summary>Reads the header, adding a fault for each unknown, repeated or missing column.</summary>
    public static RateDeckHeader? Parse(IReadOnlyList<string> names, RateDeckFaults faults)
    {
        var fieldOf = Enumerable.Repeat(-1, ByName.Count).ToArray();
        var valid = true;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!ByName.TryGetValue(name, out var column))
            {
                faults.Add(HeaderLine, $"column {i + 1} '{name}' is not a rate deck column; "
                    + $"use: {string.Join(", ", ByName.Keys)}.");
                valid = false;
            }
            else if (fieldOf[(int)column] >= 0)
            {
                faults.Add(HeaderLine, $"column '{name}' appears twice.");
                valid = false;
            }
            else
            {
                fieldOf[(int)column] = i;
            }
        }

        foreach (var column in Required.Where(c => fieldOf[(int)c] < 0))
        {
            faults.Add(HeaderLine, $"the required column '{NameOf(column)}' is missing.");
            valid = false;
        }

        return valid ? new RateDeckHeader(fieldOf, names.Count) : null;
    }

    /// <summary>The trimmed value of <paramref name="column"/> in a row, or null when the deck has no such column or the field is empty.</summary>
    public string? ValueOf(IReadOnlyList<string> fields, RateDeckColumn column)
    {
        var index = fieldOf[(int)column];
        if (index < 0)
        {
            return null;
        }

        var value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }
}

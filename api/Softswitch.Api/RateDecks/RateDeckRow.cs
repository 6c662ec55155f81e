using System.Globalization;
using Softswitch.Api.Contracts;
using Softswitch.Domain;

namespace Softswitch.Api.RateDecks;

/// <summary>One valid row of a rate deck, with the line it came from.</summary>
public readonly record struct RateDeckRow(
    int Line,
    string Prefix,
    string? Description,
    decimal PricePerMinute,
    int FirstIncrementSeconds,
    int NextIncrementSeconds,
    decimal ConnectFee,
    DateTime EffectiveFrom,
    DateTime? EffectiveTo)
{
    private const int MaxEchoLength = 40;

    // Invariant culture, a dot for decimals, no thousands separators or exponents: "0,05" in a deck is a fault, not 5.
    private const NumberStyles MoneyStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    // ISO 8601 only: the invariant culture would also take "01/02/2026", which half the world reads as 1 February.
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public Rate ToRate(string rateTableId) => new()
    {
        RateTableId = rateTableId,
        Prefix = Prefix,
        Description = Description,
        PricePerMinute = PricePerMinute,
        FirstIncrementSeconds = FirstIncrementSeconds,
        NextIncrementSeconds = NextIncrementSeconds,
        ConnectFee = ConnectFee,
        EffectiveFrom = EffectiveFrom,
        EffectiveTo = EffectiveTo,
    };

    /// <summary>
    /// Validates one record against the same rules as <c>POST /v1/rate-tables/{id}/rates</c>, adding a fault naming
    /// the column for each bad field. Empty optional fields take the API's defaults.
    /// </summary>
    public static bool TryParse(
        RateDeckHeader header, IReadOnlyList<string> fields, int line, DateTime defaultEffectiveFrom, RateDeckFaults faults,
        out RateDeckRow row)
    {
        row = default;
        var before = faults.Count;

        var prefix = header.ValueOf(fields, RateDeckColumn.Prefix);
        if (prefix is null)
        {
            Fault(faults, line, RateDeckColumn.Prefix, "is required.");
        }
        else if (prefix.Length > Rate.PrefixMaxLength || !prefix.All(char.IsAsciiDigit))
        {
            Fault(faults, line, RateDeckColumn.Prefix, $"'{Echo(prefix)}' must be digits only, at most {Rate.PrefixMaxLength}.");
        }

        var description = header.ValueOf(fields, RateDeckColumn.Description);
        if (description is { Length: > Rate.DescriptionMaxLength })
        {
            Fault(faults, line, RateDeckColumn.Description, $"must be at most {Rate.DescriptionMaxLength} characters.");
        }

        var price = ParseMoney(header, fields, line, RateDeckColumn.PricePerMinute, faults, required: true);
        var first = ParseSeconds(header, fields, line, RateDeckColumn.FirstIncrementSeconds, faults);
        var next = ParseSeconds(header, fields, line, RateDeckColumn.NextIncrementSeconds, faults);
        var connectFee = ParseMoney(header, fields, line, RateDeckColumn.ConnectFee, faults, required: false);
        var faultsBeforeFrom = faults.Count;
        var from = ParseTime(header, fields, line, RateDeckColumn.EffectiveFrom, faults) ?? defaultEffectiveFrom;
        var fromIsValid = faults.Count == faultsBeforeFrom;
        var to = ParseTime(header, fields, line, RateDeckColumn.EffectiveTo, faults);
        if (to is { } end && fromIsValid && end <= from)
        {
            Fault(faults, line, RateDeckColumn.EffectiveTo, "must be after effective_from.");
        }

        if (faults.Count > before)
        {
            return false;
        }

        row = new RateDeckRow(line, prefix!, description, price, first, next, connectFee, from, to);
        return true;
    }

    private static decimal ParseMoney(
        RateDeckHeader header, IReadOnlyList<string> fields, int line, RateDeckColumn column, RateDeckFaults faults, bool required)
    {
        var text = header.ValueOf(fields, column);
        if (text is null)
        {
            if (required)
            {
                Fault(faults, line, column, "is required.");
            }

            return 0m;
        }

        if (!decimal.TryParse(text, MoneyStyle, CultureInfo.InvariantCulture, out var value))
        {
            Fault(faults, line, column, $"'{Echo(text)}' is not a number; write e.g. 0.0125, with a dot for decimals.");
        }
        else if (value < 0m || value > RateRules.MaxPrice)
        {
            Fault(faults, line, column, $"{text} must be between 0 and {RateRules.MaxPrice}.");
        }
        else if (Money.Round(value) != value)
        {
            Fault(faults, line, column, $"{text} must have at most {Money.Scale} decimal places.");
        }

        return value;
    }

    private static int ParseSeconds(RateDeckHeader header, IReadOnlyList<string> fields, int line, RateDeckColumn column, RateDeckFaults faults)
    {
        var text = header.ValueOf(fields, column);
        if (text is null)
        {
            return RateRules.DefaultIncrementSeconds;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < RateRules.MinIncrementSeconds || value > RateRules.MaxIncrementSeconds)
        {
            Fault(faults, line, column,
                $"'{Echo(text)}' must be a whole number of seconds between {RateRules.MinIncrementSeconds} and {RateRules.MaxIncrementSeconds}.");
        }

        return value;
    }

    private static DateTime? ParseTime(RateDeckHeader header, IReadOnlyList<string> fields, int line, RateDeckColumn column, RateDeckFaults faults)
    {
        var text = header.ValueOf(fields, column);
        if (text is null)
        {
            return null;
        }

        // A time without an offset is UTC, as everywhere in the API.
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        Fault(faults, line, column, $"'{Echo(text)}' is not an ISO 8601 time; write e.g. 2026-01-01 or 2026-01-01T00:00:00Z.");
        return null;
    }

    private static void Fault(RateDeckFaults faults, int line, RateDeckColumn column, string message) =>
        faults.Add(line, $"{RateDeckHeader.NameOf(column)} {message}");

    private static string Echo(string text) => text.Length <= MaxEchoLength ? text : text[..MaxEchoLength] + "…";
}

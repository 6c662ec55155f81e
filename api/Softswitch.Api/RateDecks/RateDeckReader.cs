using System.Text;
using Microsoft.Net.Http.Headers;

namespace Softswitch.Api.RateDecks;

/// <summary>
/// A parsed rate deck: its valid rows, or the faults that stop it from being imported. <see cref="TooManyRows"/>
/// means reading stopped at the row limit, so the deck is refused as a whole (413) and its rows are not kept.
/// </summary>
public sealed record RateDeck(IReadOnlyList<RateDeckRow> Rows, RateDeckFaults Faults, bool TooManyRows = false);

/// <summary>
/// Reads a CSV rate deck from a stream and validates every row before anything is written, so a deck is imported
/// whole or not at all. The body is parsed as it arrives; only the valid rows are kept, at most
/// <paramref name="maxRows"/> of them (the smaller of <see cref="MaxRows"/> and the rate table's capacity).
/// </summary>
public sealed class RateDeckReader(DateTime defaultEffectiveFrom, int maxRows = RateDeckReader.MaxRows)
{
    public const string ContentType = "text/csv";
    public const long MaxBodyBytes = 64L * 1024 * 1024;
    public const int MaxRows = 1_000_000;

    // Cut each record to size before it is parsed further: no rate deck field is near these.
    private const int MaxFieldLength = 1024;
    private const int MaxFields = 32;

    public static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0
            || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || media.Charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    public async Task<RateDeck> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var faults = new RateDeckFaults();
        var rows = new List<RateDeckRow>();
        using var text = new StreamReader(
            new SizeLimitedStream(body, MaxBodyBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text, MaxFieldLength, MaxFields);

        if (!await csv.ReadAsync(cancellationToken) || csv.IsBlank)
        {
            faults.Add(RateDeckHeader.HeaderLine, "the deck is empty; its first line must name the columns, e.g. prefix,price_per_minute.");
            return new RateDeck(rows, faults);
        }

        if (csv.Fault is { } headerFault)
        {
            faults.Add(csv.Line, headerFault);
            return new RateDeck(rows, faults);
        }

        var header = RateDeckHeader.Parse(csv.Fields, faults);
        if (header is null)
        {
            return new RateDeck(rows, faults);
        }

        // (prefix, effective_from) is unique in a rate table; remember where each was first seen to name it.
        var firstSeen = new Dictionary<(string Prefix, DateTime From), int>();
        var count = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsBlank)
            {
                continue;
            }

            if (++count > maxRows)
            {
                return new RateDeck([], faults, TooManyRows: true);
            }

            if (csv.Fault is { } fault)
            {
                faults.Add(csv.Line, fault);
            }
            else if (csv.Fields.Count != header.FieldCount)
            {
                faults.Add(csv.Line, $"has {csv.Fields.Count} fields but the header names {header.FieldCount} columns.");
            }
            else if (RateDeckRow.TryParse(header, csv.Fields, csv.Line, defaultEffectiveFrom, faults, out var row))
            {
                if (firstSeen.TryAdd((row.Prefix, row.EffectiveFrom), row.Line))
                {
                    // Once a fault is found nothing will be written; keep validating but stop keeping rows.
                    if (!faults.Any)
                    {
                        rows.Add(row);
                    }
                }
                else
                {
                    faults.Add(row.Line, $"prefix {row.Prefix} with effective_from {row.EffectiveFrom:O} repeats row {firstSeen[(row.Prefix, row.EffectiveFrom)]}.");
                }
            }
        }

        return new RateDeck(faults.Any ? [] : rows, faults);
    }
}

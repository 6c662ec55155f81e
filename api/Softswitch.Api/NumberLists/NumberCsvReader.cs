using System.Text;
using Softswitch.Api.RateDecks;
using Softswitch.Domain;

namespace Softswitch.Api.NumberLists;

/// <summary>What a CSV of numbers held: the keys of its valid rows, or why it is refused as a whole.</summary>
public sealed record NumberCsv(List<ulong> Keys, RateDeckFaults Faults, bool TooManyRows);

/// <summary>
/// Reads a CSV of numbers (<c>text/csv</c>, UTF-8): a header line naming a <c>number</c> column (other columns, such
/// as a note, are ignored), then one number per row, E.164 digits with an optional '+'. Every row is checked before
/// anything is stored; the first 100 faults are reported, keyed <c>row N</c> as in rate decks.
/// </summary>
public sealed class NumberCsvReader(int maxRows)
{
    public const long MaxBodyBytes = 64L * 1024 * 1024;
    private const int MaxFieldLength = 256;
    private const int MaxFields = 16;

    public async Task<NumberCsv> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var faults = new RateDeckFaults();
        var keys = new List<ulong>();
        using var text = new StreamReader(new SizeLimitedStream(body, MaxBodyBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text, MaxFieldLength, MaxFields);
        var column = await csv.ReadAsync(cancellationToken) && csv.Fault is null
            ? csv.Fields.Select(f => f.Trim()).ToList().FindIndex(f => f.Equals("number", StringComparison.OrdinalIgnoreCase))
            : -1;
        if (column < 0)
        {
            faults.Add(1, "the first line must name the columns, one of them number (e.g. just: number).");
            return new NumberCsv(keys, faults, false);
        }

        var count = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsBlank)
            {
                continue;
            }

            if (++count > maxRows)
            {
                return new NumberCsv([], faults, true);
            }

            string? fault = null;
            if (csv.Fault is { } malformed)
            {
                fault = malformed;
            }
            else if (column >= csv.Fields.Count)
            {
                fault = "has no number column.";
            }
            else if (NumberKey.TryEncode(csv.Fields[column].Trim(), out var key))
            {
                keys.Add(key);
            }
            else
            {
                fault = $"number must be 1 to {NumberKey.MaxDigits} digits (a leading '+' is allowed).";
            }

            if (fault is not null)
            {
                faults.Add(csv.Line, fault);
            }
        }

        return new NumberCsv(faults.Any ? [] : keys, faults, false);
    }
}

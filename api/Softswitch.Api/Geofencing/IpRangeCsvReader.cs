using System.Globalization;
using System.Text;
using Softswitch.Api.RateDecks;
using Softswitch.Domain;

namespace Softswitch.Api.Geofencing;

/// <summary>Ranges read from a CSV body, or the faults (keyed <c>row N</c>) that stop the import; <see cref="TooManyRows"/> stops it too.</summary>
public sealed record IpRangeCsv(IReadOnlyList<AddressRange> Ranges, RateDeckFaults Faults, bool TooManyRows = false);

/// <summary>
/// Reads address ranges from CSV: a header naming <c>cidr</c>, or <c>start</c> and <c>count</c>, or all three (a row
/// then fills either <c>cidr</c> or <c>start</c> and <c>count</c>). Every row is validated before anything is written,
/// as a rate deck is.
/// </summary>
public sealed class IpRangeCsvReader(int maxRows)
{
    public const string Example = "cidr\n198.51.100.0/24\n\nor\n\nstart,count\n198.51.100.0,256";

    private const int MaxFieldLength = 128;
    private const int MaxFields = 8;

    public async Task<IpRangeCsv> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var faults = new RateDeckFaults();
        var ranges = new List<AddressRange>();
        using var text = new StreamReader(new SizeLimitedStream(body, maxBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text, MaxFieldLength, MaxFields);
        if (!await csv.ReadAsync(cancellationToken) || csv.IsBlank || csv.Fault is not null)
        {
            faults.Add(1, $"the first line must name the columns, e.g. {Example.Replace('\n', ' ')}.");
            return new IpRangeCsv(ranges, faults);
        }

        var columns = csv.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var cidr = columns.IndexOf("cidr");
        var start = columns.IndexOf("start");
        var count = columns.IndexOf("count");
        if (cidr < 0 && (start < 0 || count < 0))
        {
            faults.Add(1, "the header must name cidr, or start and count.");
            return new IpRangeCsv(ranges, faults);
        }

        var rows = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsBlank)
            {
                continue;
            }

            if (++rows > maxRows)
            {
                return new IpRangeCsv([], faults, TooManyRows: true);
            }

            if (csv.Fault is { } fault)
            {
                faults.Add(csv.Line, fault);
            }
            else if (csv.Fields.Count != columns.Count)
            {
                faults.Add(csv.Line, $"has {csv.Fields.Count} fields but the header names {columns.Count} columns.");
            }
            else if (Parse(csv.Fields, cidr, start, count) is { } range)
            {
                if (!faults.Any)
                {
                    ranges.Add(range);
                }
            }
            else
            {
                faults.Add(csv.Line, "is not a range: give a CIDR block or single address in cidr, or a start address and a count of at least 1 that stays within its address family.");
            }
        }

        return new IpRangeCsv(faults.Any ? [] : ranges, faults);
    }

    private static AddressRange? Parse(IReadOnlyList<string> fields, int cidr, int start, int count)
    {
        var block = cidr >= 0 ? fields[cidr].Trim() : "";
        if (block.Length > 0)
        {
            return AddressRange.TryParse(block, out var range) && !block.Contains('+', StringComparison.Ordinal) ? range : null;
        }

        if (start < 0 || count < 0)
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{fields[start].Trim()}+{fields[count].Trim()}");
        return AddressRange.TryParse(text, out var counted) ? counted : null;
    }
}

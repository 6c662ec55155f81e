using System.Globalization;
using System.Text;
using Softswitch.Api.RateDecks;

namespace Softswitch.Api.Reconciliations;

/// <summary>The columns of a vendor's CDR file that hold what reconciliation compares, named as in its header line.</summary>
public sealed record VendorCdrColumns(string Callee, string Start, string Duration, string? Charge);

/// <summary>What a vendor's file held: its calls in the period, or the lines that could not be read.</summary>
public sealed record VendorCdrFile(IReadOnlyList<VendorCdr> Calls, IReadOnlyList<string> Faults, bool TooManyRows);

/// <summary>
/// Reads a vendor's CDR file: RFC 4180 CSV with a header line; the start is an ISO 8601 time (UTC unless it says
/// otherwise) and the duration is in seconds. Calls that start outside the period are left out; bad lines are reported,
/// at most <see cref="MaxFaults"/> of them.
/// </summary>
public static class VendorCdrReader
{
    public const int MaxRows = 500_000;
    public const long MaxBodyBytes = 64L * 1024 * 1024;
    private const int MaxFaults = 100;

    public static async Task<VendorCdrFile> ReadAsync(Stream body, VendorCdrColumns columns, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(new SizeLimitedStream(body, MaxBodyBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var csv = new CsvRecordReader(text, maxFieldLength: 256, maxFields: 64);
        var faults = new List<string>();
        var calls = new List<VendorCdr>();
        if (!await csv.ReadAsync(cancellationToken) || csv.Fault is not null)
        {
            return new VendorCdrFile([], ["line 1: a header line naming the columns is required"], false);
        }

        var header = csv.Fields.Select(f => f.Trim()).ToList();
        int Index(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (callee, start, duration, charge) = (Index(columns.Callee), Index(columns.Start), Index(columns.Duration), columns.Charge is null ? -1 : Index(columns.Charge));
        foreach (var (index, name) in new[] { (callee, columns.Callee), (start, columns.Start), (duration, columns.Duration), (charge, columns.Charge) })
        {
            if (index < 0 && name is not null)
            {
                faults.Add($"line 1: no column named '{name}'");
            }
        }

        if (faults.Count > 0)
        {
            return new VendorCdrFile([], faults, false);
        }

        var rows = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsBlank)
            {
                continue;
            }

            if (++rows > MaxRows)
            {
                return new VendorCdrFile([], [], true);
            }

            var call = Parse(csv, callee, start, duration, charge, out var fault);
            if (fault is not null)
            {
                if (faults.Count < MaxFaults)
                {
                    faults.Add($"line {csv.Line}: {fault}");
                }
            }
            else if (call!.Start >= from && call.Start < to)
            {
                calls.Add(call);
            }
        }

        return new VendorCdrFile(calls, faults, false);
    }

    private static VendorCdr? Parse(CsvRecordReader csv, int callee, int start, int duration, int charge, out string? fault)
    {
        fault = csv.Fault;
        var fields = csv.Fields;
        if (fault is null && fields.Count <= Math.Max(Math.Max(callee, start), Math.Max(duration, charge)))
        {
            fault = "has fewer fields than the header";
        }

        if (fault is not null)
        {
            return null;
        }

        if (!DateTime.TryParse(fields[start], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            fault = $"start '{fields[start]}' is not an ISO 8601 time";
            return null;
        }

        if (!decimal.TryParse(fields[duration], NumberStyles.Number, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            fault = $"duration '{fields[duration]}' is not a number of seconds";
            return null;
        }

        decimal? money = null;
        if (charge >= 0)
        {
            if (!decimal.TryParse(fields[charge], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                fault = $"charge '{fields[charge]}' is not a number";
                return null;
            }

            money = value;
        }

        return new VendorCdr(csv.Line, fields[callee].Trim(), DateTime.SpecifyKind(at, DateTimeKind.Utc), seconds, money);
    }
}

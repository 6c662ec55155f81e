using System.Globalization;
using System.Text;
using Softswitch.Api.Contracts;

namespace Softswitch.Api.Reports;

/// <summary>A report as CSV (RFC 4180): one header row, the row's keys, then the figures in the JSON's order and names.</summary>
public static class ReportCsv
{
    private const string FigureHeader =
        "calls,refused,attempts,answered,asr,acd_seconds,pdd_milliseconds,minutes,billed_minutes,charge,cost,profit";

    public static string Write<TRow>(IReadOnlyList<TRow> rows, string[] keyColumns, Func<TRow, string?[]> keys, Func<TRow, ReportFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyColumns);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(figures);
        var csv = new StringBuilder(128 * (rows.Count + 1));
        csv.Append(string.Join(',', keyColumns)).Append(',').Append(FigureHeader).Append("\r\n");
        foreach (var row in rows)
        {
            foreach (var key in keys(row))
            {
                Field(csv, key);
            }

            var f = figures(row);
            Field(csv, Number(f.Calls));
            Field(csv, Number(f.Refused));
            Field(csv, Number(f.Attempts));
            Field(csv, Number(f.Answered));
            Field(csv, f.Asr?.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.AcdSeconds?.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.PddMilliseconds?.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.Minutes.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.BilledMinutes.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.Charge.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.Cost.ToString(CultureInfo.InvariantCulture));
            Field(csv, f.Profit.ToString(CultureInfo.InvariantCulture));
            csv.Length--;
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180 §2: a field with a comma, quote or line break is quoted, and its quotes doubled.
    private static void Field(StringBuilder csv, string? value)
    {
        if (value is not null && value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            csv.Append(value);
        }

        csv.Append(',');
    }
}

using System.Globalization;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>Cumulative call counts from the last row of SIPp's <c>-trace_stat</c> CSV (';'-separated, header first).</summary>
public readonly record struct SippCallCounts(long Created, long Successful, long Failed)
{
    public static SippCallCounts FromStatistics(string csv)
    {
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length < 2)
        {
            return default;
        }

        var header = rows[0].Split(';');
        var last = rows[^1].Split(';');
        long Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0
                ? long.Parse(last[index], CultureInfo.InvariantCulture)
                : throw new InvalidDataException($"SIPp statistics lack the column {name}.");
        }

        return new SippCallCounts(Column("TotalCallCreated"), Column("SuccessfulCall(C)"), Column("FailedCall(C)"));
    }
}

using System.Globalization;

namespace Softswitch.Interop.Tests.Sipp;

/// <summary>The rows of SIPp's <c>-trace_rtt</c> CSV (<c>Date_ms;response_time_ms;rtd_no</c>, header first).</summary>
internal static class SippResponseTimes
{
    public static int[] FromCsv(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(row => int.Parse(row.Split(';')[1], CultureInfo.InvariantCulture))
            .ToArray();
}

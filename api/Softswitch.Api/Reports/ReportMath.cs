using Softswitch.Api.Contracts;
using Softswitch.Domain;

namespace Softswitch.Api.Reports;

/// <summary>Turns summed rollup rows into <see cref="ReportFigures"/>, with the rounding the report states.</summary>
public static class ReportMath
{
    /// <param name="perAttempt">ASR over attempts (a routing gateway's) rather than over admitted calls.</param>
    public static ReportFigures Figures(CdrRollup sums, bool perAttempt = false)
    {
        ArgumentNullException.ThrowIfNull(sums);
        var offered = perAttempt ? sums.Attempts : sums.Calls - sums.Refused;
        var charge = Money.FromMicros(sums.ChargeMicros);
        var cost = Money.FromMicros(sums.CostMicros);
        return new ReportFigures(
            sums.Calls,
            sums.Refused,
            sums.Attempts,
            sums.Answered,
            offered > 0 ? Round(100m * sums.Answered / offered, 2) : null,
            sums.Answered > 0 ? Round(sums.DurationMilliseconds / 1000m / sums.Answered, 1) : null,
            sums.PddCalls > 0 ? (long)Round((decimal)sums.PddMilliseconds / sums.PddCalls, 0) : null,
            Round(sums.DurationMilliseconds / 60_000m, 2),
            Round(sums.BilledSeconds / 60m, 2),
            charge,
            cost,
            charge - cost);
    }

    private static decimal Round(decimal value, int places) => decimal.Round(value, places, MidpointRounding.AwayFromZero);
}

using System.Globalization;
using Softswitch.Api.Contracts;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Reports;

/// <summary>The rows of each <c>/v1/reports</c> report for the context's tenant, from the rollups, in the order they are served.</summary>
public static class ReportRows
{
    public static async Task<List<MappingGatewayReportRow>> MappingGatewaysAsync(SoftswitchDbContext db, ReportPeriod period, CancellationToken cancellationToken) =>
        (await RollupReader.ByKeyAsync(db, RollupDimension.MappingGateway, period, cancellationToken))
            .Select(s => new MappingGatewayReportRow(NullIfEmpty(s.Key), NullIfEmpty(s.SubKey), ReportMath.Figures(s)))
            .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.MappingGatewayId, StringComparer.Ordinal).ThenBy(r => r.PhoneId, StringComparer.Ordinal)
            .ToList();

    public static async Task<List<RoutingGatewayReportRow>> RoutingGatewaysAsync(SoftswitchDbContext db, ReportPeriod period, CancellationToken cancellationToken) =>
        (await RollupReader.ByKeyAsync(db, RollupDimension.RoutingGateway, period, cancellationToken))
            .Select(s => new RoutingGatewayReportRow(s.Key, ReportMath.Figures(s, perAttempt: true)))
            .OrderByDescending(r => r.Figures.Attempts).ThenBy(r => r.RoutingGatewayId, StringComparer.Ordinal)
            .ToList();

    public static async Task<List<FailureCodeReportRow>> FailureCodesAsync(SoftswitchDbContext db, ReportPeriod period, CancellationToken cancellationToken) =>
        (await RollupReader.ByKeyAsync(db, RollupDimension.FinalCode, period, cancellationToken))
            .Select(s => new FailureCodeReportRow(int.Parse(s.Key, CultureInfo.InvariantCulture), ReportMath.Figures(s)))
            .Where(r => r.FinalCode >= 300)
            .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.FinalCode)
            .ToList();

    public static async Task<List<RefusalRuleReportRow>> RefusalRulesAsync(SoftswitchDbContext db, ReportPeriod period, CancellationToken cancellationToken) =>
        (await RollupReader.ByKeyAsync(db, RollupDimension.RefusalRule, period, cancellationToken))
            .Select(s => new RefusalRuleReportRow(s.Key, ReportMath.Figures(s)))
            .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.RefusalRule, StringComparer.Ordinal)
            .ToList();

    /// <param name="accountId">One account's rows, or (null) the tenant's totals.</param>
    /// <param name="daily">Per UTC day rather than per hour.</param>
    public static async Task<List<PeriodReportRow>> PeriodsAsync(
        SoftswitchDbContext db, ReportPeriod period, string? accountId, bool daily, CancellationToken cancellationToken)
    {
        var (dimension, key) = string.IsNullOrEmpty(accountId) ? (RollupDimension.Total, "") : (RollupDimension.Account, accountId);
        return (await RollupReader.HourlyAsync(db, dimension, key, period, cancellationToken))
            .GroupBy(r => daily ? DateTime.SpecifyKind(r.Hour.Date, DateTimeKind.Utc) : r.Hour)
            .Select(g => new PeriodReportRow(g.Key, ReportMath.Figures(Sum(g))))
            .ToList();
    }

    public static async Task<List<DestinationReportRow>> DestinationsAsync(SoftswitchDbContext db, ReportPeriod period, CancellationToken cancellationToken) =>
        (await RollupReader.ByKeyAsync(db, RollupDimension.Destination, period, cancellationToken))
            .Select(s => new DestinationReportRow(NullIfEmpty(s.Key), s.SubKey, ReportMath.Figures(s)))
            .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.NumberType, StringComparer.Ordinal)
            .ToList();

    /// <param name="routing">Routing gateways × countries (ASR over attempts), or mapping gateways × countries.</param>
    public static async Task<List<GatewayAreaReportRow>> GatewayAreasAsync(SoftswitchDbContext db, ReportPeriod period, bool routing, CancellationToken cancellationToken) =>
        (await (routing
            ? RollupReader.ByKeyAsync(db, RollupDimension.RoutingGatewayArea, RollupDimension.RoutingGatewayAreaDaily, period, cancellationToken)
            : RollupReader.ByKeyAsync(db, RollupDimension.MappingGatewayArea, RollupDimension.MappingGatewayAreaDaily, period, cancellationToken)))
            .Select(s => new GatewayAreaReportRow(NullIfEmpty(s.Key), NullIfEmpty(s.SubKey), ReportMath.Figures(s, perAttempt: routing)))
            .OrderBy(r => r.GatewayId, StringComparer.Ordinal).ThenByDescending(r => r.Figures.Calls).ThenBy(r => r.Country, StringComparer.Ordinal)
            .ToList();

    private static CdrRollup Sum(IEnumerable<CdrRollup> rows)
    {
        var sum = new CdrRollup();
        foreach (var row in rows)
        {
            sum.Add(row);
        }

        return sum;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

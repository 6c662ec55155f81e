using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Api.Reports;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/reports</c>: CDR analysis read from the hourly rollups (<see cref="CdrRollup"/>), which the worker's rollup
/// job keeps current; JSON, or CSV with <c>format=csv</c> or <c>Accept: text/csv</c>.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/reports").WithTags("Reports");
        Map<MappingGatewayReportRow>(group, "/mapping-gateways", MappingGatewaysAsync, "ReportMappingGateways",
            "Calls, ASR, ACD, PDD, minutes, charge, cost and profit per mapping gateway (and per phone)");
        Map<RoutingGatewayReportRow>(group, "/routing-gateways", RoutingGatewaysAsync, "ReportRoutingGateways",
            "Attempts, ASR, ACD, PDD, minutes, charge, cost and profit per routing gateway");
        Map<FailureCodeReportRow>(group, "/failure-codes", FailureCodesAsync, "ReportFailureCodes",
            "Failed calls by final SIP status (300 and above)");
        Map<RefusalRuleReportRow>(group, "/refusal-rules", RefusalRulesAsync, "ReportRefusalRules",
            "Refused calls by the admission rule that refused them");
        Map<PeriodReportRow>(group, "/daily", DailyAsync, "ReportDaily", "Totals per UTC day (optionally of one account)");
        Map<PeriodReportRow>(group, "/hourly", HourlyAsync, "ReportHourly", "Totals per UTC hour (optionally of one account)");
        Map<DestinationReportRow>(group, "/destinations", DestinationsAsync, "ReportDestinations",
            "Calls by destination country and number type");
        Map<GatewayAreaReportRow>(group, "/gateway-areas", GatewayAreasAsync, "ReportGatewayAreas",
            "The gateway × destination country cross table (side=routing, the default, or mapping)");
    }

    private static void Map<TRow>(RouteGroupBuilder group, string path, Delegate handler, string name, string summary) =>
        group.MapGet(path, handler).WithName(name).WithSummary(summary)
            .Produces<Report<TRow>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Task<IResult> MappingGatewaysAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), async (period, token) =>
            (await RollupReader.ByKeyAsync(db, RollupDimension.MappingGateway, period, token))
                .Select(s => new MappingGatewayReportRow(NullIfEmpty(s.Key), NullIfEmpty(s.SubKey), ReportMath.Figures(s)))
                .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.MappingGatewayId, StringComparer.Ordinal).ThenBy(r => r.PhoneId, StringComparer.Ordinal)
                .ToList(),
            ["mapping_gateway_id", "phone_id"], r => [r.MappingGatewayId, r.PhoneId], r => r.Figures);

    private static Task<IResult> RoutingGatewaysAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), async (period, token) =>
            (await RollupReader.ByKeyAsync(db, RollupDimension.RoutingGateway, period, token))
                .Select(s => new RoutingGatewayReportRow(s.Key, ReportMath.Figures(s, perAttempt: true)))
                .OrderByDescending(r => r.Figures.Attempts).ThenBy(r => r.RoutingGatewayId, StringComparer.Ordinal)
                .ToList(),
            ["routing_gateway_id"], r => [r.RoutingGatewayId], r => r.Figures);

    private static Task<IResult> FailureCodesAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), async (period, token) =>
            (await RollupReader.ByKeyAsync(db, RollupDimension.FinalCode, period, token))
                .Select(s => new FailureCodeReportRow(int.Parse(s.Key, CultureInfo.InvariantCulture), ReportMath.Figures(s)))
                .Where(r => r.FinalCode >= 300)
                .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.FinalCode)
                .ToList(),
            ["final_code"], r => [r.FinalCode.ToString(CultureInfo.InvariantCulture)], r => r.Figures);

    private static Task<IResult> RefusalRulesAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), async (period, token) =>
            (await RollupReader.ByKeyAsync(db, RollupDimension.RefusalRule, period, token))
                .Select(s => new RefusalRuleReportRow(s.Key, ReportMath.Figures(s)))
                .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.RefusalRule, StringComparer.Ordinal)
                .ToList(),
            ["refusal_rule"], r => [r.RefusalRule], r => r.Figures);

    private static Task<IResult> DailyAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query,
        [FromQuery(Name = "account_id")] string? accountId) =>
        PeriodsAsync(db, http, time, query, accountId, hour => hour.Date);

    private static Task<IResult> HourlyAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query,
        [FromQuery(Name = "account_id")] string? accountId) =>
        PeriodsAsync(db, http, time, query, accountId, hour => hour);

    private static async Task<IResult> PeriodsAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, ReportQuery query, string? accountId, Func<DateTime, DateTime> bucket)
    {
        var errors = new FieldErrors().Optional("account_id", accountId, IdGenerator.MaxLength);
        if (!errors.Any && !string.IsNullOrEmpty(accountId) && !await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound("account", accountId);
        }

        var (dimension, key) = string.IsNullOrEmpty(accountId) ? (RollupDimension.Total, "") : (RollupDimension.Account, accountId);
        return await AnswerAsync(db, http, time, query, errors, async (period, token) =>
                (await RollupReader.HourlyAsync(db, dimension, key, period, token))
                    .GroupBy(r => DateTime.SpecifyKind(bucket(r.Hour), DateTimeKind.Utc))
                    .Select(g => new PeriodReportRow(g.Key, ReportMath.Figures(Sum(g))))
                    .ToList(),
            ["start"], r => [ReportCsv.Time(r.Start)], r => r.Figures);
    }

    private static Task<IResult> DestinationsAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), async (period, token) =>
            (await RollupReader.ByKeyAsync(db, RollupDimension.Destination, period, token))
                .Select(s => new DestinationReportRow(NullIfEmpty(s.Key), s.SubKey, ReportMath.Figures(s)))
                .OrderByDescending(r => r.Figures.Calls).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.NumberType, StringComparer.Ordinal)
                .ToList(),
            ["country", "number_type"], r => [r.Country, r.NumberType], r => r.Figures);

    private static Task<IResult> GatewayAreasAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query, [FromQuery(Name = "side")] string? side)
    {
        var errors = new FieldErrors();
        var routing = side is null or "routing";
        if (!routing && side != "mapping")
        {
            errors.Add("side", "must be routing or mapping.");
        }

        var dimension = routing ? RollupDimension.RoutingGatewayArea : RollupDimension.MappingGatewayArea;
        return AnswerAsync(db, http, time, query, errors, async (period, token) =>
                (await RollupReader.ByKeyAsync(db, dimension, period, token))
                    .Select(s => new GatewayAreaReportRow(NullIfEmpty(s.Key), NullIfEmpty(s.SubKey), ReportMath.Figures(s, perAttempt: routing)))
                    .OrderBy(r => r.GatewayId, StringComparer.Ordinal).ThenByDescending(r => r.Figures.Calls).ThenBy(r => r.Country, StringComparer.Ordinal)
                    .ToList(),
            ["gateway_id", "country"], r => [r.GatewayId, r.Country], r => r.Figures);
    }

    private static async Task<IResult> AnswerAsync<TRow>(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, ReportQuery query, FieldErrors errors,
        Func<ReportPeriod, CancellationToken, Task<List<TRow>>> load, string[] keyColumns, Func<TRow, string?[]> keys, Func<TRow, ReportFigures> figures)
    {
        var period = ReportPeriod.Parse(query, time.GetUtcNow(), errors);
        var csv = query.Format == "csv";
        if (query.Format is not (null or "json" or "csv"))
        {
            errors.Add("format", "must be json or csv.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var rows = await load(period, http.RequestAborted);
        if (csv || (query.Format is null && AcceptsCsvOnly(http.Request)))
        {
            return TypedResults.Text(ReportCsv.Write(rows, keyColumns, keys, figures), "text/csv; charset=utf-8");
        }

        var countedThrough = await RollupReader.CountedThroughAsync(db, http.RequestAborted);
        return TypedResults.Ok(new Report<TRow>(period.From, period.To, countedThrough, rows));
    }

    private static bool AcceptsCsvOnly(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

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

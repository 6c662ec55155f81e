using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .Produces<Report<TRow>>(StatusCodes.Status200OK, "application/json", "text/csv");

    private static Task<Results<Ok<Report<MappingGatewayReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> MappingGatewaysAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), (period, token) => ReportRows.MappingGatewaysAsync(db, period, token),
            ["mapping_gateway_id", "phone_id"], r => [r.MappingGatewayId, r.PhoneId], r => r.Figures);

    private static Task<Results<Ok<Report<RoutingGatewayReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> RoutingGatewaysAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), (period, token) => ReportRows.RoutingGatewaysAsync(db, period, token),
            ["routing_gateway_id"], r => [r.RoutingGatewayId], r => r.Figures);

    private static Task<Results<Ok<Report<FailureCodeReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> FailureCodesAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), (period, token) => ReportRows.FailureCodesAsync(db, period, token),
            ["final_code"], r => [r.FinalCode.ToString(CultureInfo.InvariantCulture)], r => r.Figures);

    private static Task<Results<Ok<Report<RefusalRuleReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> RefusalRulesAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), (period, token) => ReportRows.RefusalRulesAsync(db, period, token),
            ["refusal_rule"], r => [r.RefusalRule], r => r.Figures);

    private static Task<Results<Ok<Report<PeriodReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> DailyAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query,
        [FromQuery(Name = "account_id")] string? accountId) =>
        PeriodsAsync(db, http, time, query, accountId, daily: true);

    private static Task<Results<Ok<Report<PeriodReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> HourlyAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query,
        [FromQuery(Name = "account_id")] string? accountId) =>
        PeriodsAsync(db, http, time, query, accountId, daily: false);

    private static async Task<Results<Ok<Report<PeriodReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> PeriodsAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, ReportQuery query, string? accountId, bool daily)
    {
        var errors = new FieldErrors().Optional("account_id", accountId, IdGenerator.MaxLength);
        if (!errors.Any && !string.IsNullOrEmpty(accountId) && !await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound("account", accountId);
        }

        return await AnswerAsync(db, http, time, query, errors, (period, token) => ReportRows.PeriodsAsync(db, period, accountId, daily, token),
            ["start"], r => [ReportCsv.Time(r.Start)], r => r.Figures);
    }

    private static Task<Results<Ok<Report<DestinationReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> DestinationsAsync(SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query) =>
        AnswerAsync(db, http, time, query, new FieldErrors(), (period, token) => ReportRows.DestinationsAsync(db, period, token),
            ["country", "number_type"], r => [r.Country, r.NumberType], r => r.Figures);

    private static Task<Results<Ok<Report<GatewayAreaReportRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> GatewayAreasAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] ReportQuery query, [FromQuery(Name = "side")] string? side)
    {
        var errors = new FieldErrors();
        var routing = side is null or "routing";
        if (!routing && side != "mapping")
        {
            errors.Add("side", "must be routing or mapping.");
        }

        return AnswerAsync(db, http, time, query, errors, (period, token) => ReportRows.GatewayAreasAsync(db, period, routing, token),
            ["gateway_id", "country"], r => [r.GatewayId, r.Country], r => r.Figures);
    }

    private static async Task<Results<Ok<Report<TRow>>, ContentHttpResult, ValidationProblem, NotFoundProblem>> AnswerAsync<TRow>(
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

    internal static bool AcceptsCsvOnly(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}

using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/cdrs</c>: call detail records written by the switch; read-only.</summary>
public static class CdrEndpoints
{
    private const string Resource = "CDR";

    /// <summary>An export is one request; past this many rows, narrow the time range.</summary>
    public const int MaxExportRows = 1_000_000;

    public static void MapCdrs(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/cdrs").WithTags("CDRs");
        group.MapGet("", ListAsync).WithName("ListCdrs").WithSummary("List call detail records");
        group.MapGet("/export.csv", Export).WithName("ExportCdrs")
            .WithSummary($"Export call detail records as CSV (same filters as the list; at most {MaxExportRows} rows, oldest first)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).WithName("GetCdr").WithSummary("Get a call detail record");
    }

    private static async Task<Results<Ok<Page<CdrResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, [AsParameters] CdrQuery filter)
    {
        var errors = Validate(filter);
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await Filter(db.Cdrs, filter).ToPageAsync(page, CdrMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<CdrResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Cdrs, id, Resource, CdrMapping.AsResponse, http);

    private static Results<PushStreamHttpResult, ValidationProblem> Export(SoftswitchDbContext db, HttpContext http, [AsParameters] CdrQuery filter)
    {
        var errors = Validate(filter);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var rows = Filter(db.Cdrs, filter).OrderBy(c => c.Id).Take(MaxExportRows).AsNoTracking().AsAsyncEnumerable();
        return TypedResults.Stream(
            async body =>
            {
                // Rows go out as they are read, so memory stays flat however large the export.
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
                await writer.WriteAsync(CdrCsv.Header + "\r\n");
                var line = new StringBuilder(512);
                await foreach (var cdr in rows.WithCancellation(http.RequestAborted))
                {
                    CdrCsv.AppendRow(line, cdr);
                    await writer.WriteAsync(line, http.RequestAborted);
                }
            },
            "text/csv",
            "cdrs.csv");
    }

    private static FieldErrors Validate(CdrQuery filter)
    {
        var errors = new FieldErrors()
            .Optional("account_id", filter.AccountId, IdGenerator.MaxLength)
            .Optional("mapping_gateway_id", filter.MappingGatewayId, IdGenerator.MaxLength)
            .Optional("routing_gateway_id", filter.RoutingGatewayId, IdGenerator.MaxLength)
            .Optional("caller", filter.Caller, Cdr.NumberMaxLength)
            .Optional("callee", filter.Callee, Cdr.NumberMaxLength)
            .Optional("refusal_rule", filter.RefusalRule, Cdr.RuleMaxLength)
            .Range("final_code", filter.FinalCode, 100, 699);
        if (filter is { From: { } from, To: { } to } && RateRules.AsUtc(to) <= RateRules.AsUtc(from))
        {
            errors.Add("to", "must be later than from.");
        }

        return errors;
    }

    private static IQueryable<Cdr> Filter(IQueryable<Cdr> query, CdrQuery filter)
    {
        if (filter.From is { } from)
        {
            var since = RateRules.AsUtc(from);
            query = query.Where(c => c.SetupAt >= since);
        }

        if (filter.To is { } to)
        {
            var until = RateRules.AsUtc(to);
            query = query.Where(c => c.SetupAt < until);
        }

        if (!string.IsNullOrEmpty(filter.AccountId))
        {
            query = query.Where(c => c.AccountId == filter.AccountId);
        }

        if (!string.IsNullOrEmpty(filter.MappingGatewayId))
        {
            query = query.Where(c => c.MappingGatewayId == filter.MappingGatewayId);
        }

        if (!string.IsNullOrEmpty(filter.RoutingGatewayId))
        {
            // Any gateway tried, not only the last: "which calls did this vendor see".
            query = query.Where(c => c.Attempts.Any(a => a.RoutingGatewayId == filter.RoutingGatewayId));
        }

        if (!string.IsNullOrEmpty(filter.Caller))
        {
            query = query.Where(c => c.CallerReceived.StartsWith(filter.Caller));
        }

        if (!string.IsNullOrEmpty(filter.Callee))
        {
            query = query.Where(c => c.CalleeReceived.StartsWith(filter.Callee));
        }

        if (!string.IsNullOrEmpty(filter.RefusalRule))
        {
            query = query.Where(c => c.RefusalRule == filter.RefusalRule);
        }

        if (filter.FinalCode is { } code)
        {
            query = query.Where(c => c.FinalCode == code);
        }

        return query;
    }
}

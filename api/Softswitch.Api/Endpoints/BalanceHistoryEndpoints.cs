using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Api.Reports;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/reports/balance-history</c>: closing balances per hour or day read from the ledger (issue 9 §5, the
/// dashboard's "balance over time"), for one account or per currency for all; JSON, or CSV with <c>format=csv</c> or
/// <c>Accept: text/csv</c>. Unlike the traffic reports it reads no rollup: the ledger is current when it commits.
/// </summary>
public static class BalanceHistoryEndpoints
{
    public static void MapBalanceHistory(this RouteGroupBuilder v1)
    {
        v1.MapGet("/reports/balance-history", GetAsync).WithTags("Reports").WithName("ReportBalanceHistory")
            .WithSummary("Closing balance per hour or day from the ledger, of one account or summed per currency")
            .Produces<BalanceHistory>(StatusCodes.Status200OK, "application/json", "text/csv");
    }

    private static async Task<Results<Ok<BalanceHistory>, ContentHttpResult, ValidationProblem, NotFoundProblem>> GetAsync(
        SoftswitchDbContext db, HttpContext http, TimeProvider time, [AsParameters] BalanceHistoryQuery query)
    {
        var errors = new FieldErrors().Optional("account_id", query.AccountId, IdGenerator.MaxLength);
        var period = BalanceHistoryPeriod.Parse(query, time.GetUtcNow(), errors);
        if (query.Format is not (null or "json" or "csv"))
        {
            errors.Add("format", "must be json or csv.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var accountId = string.IsNullOrEmpty(query.AccountId) ? null : query.AccountId;
        if (accountId is not null && !await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound("account", accountId);
        }

        var rows = await BalanceHistoryReader.ReadAsync(db, accountId, period, http.RequestAborted);
        if (query.Format == "csv" || (query.Format is null && ReportEndpoints.AcceptsCsvOnly(http.Request)))
        {
            return TypedResults.Text(BalanceHistoryCsv.Write(rows), "text/csv; charset=utf-8");
        }

        return TypedResults.Ok(new BalanceHistory(period.From, period.To, period.Interval, accountId, rows));
    }
}

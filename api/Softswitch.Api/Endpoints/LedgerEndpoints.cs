using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/accounts/{id}/transactions</c>: the account's ledger, append-only. Posting an entry moves the balance in the
/// same transaction; the switch reads the new balance within its configuration refresh (500 ms). Call charges are
/// posted by the switch with their CDRs, one entry per account and batch.
/// </summary>
public static class LedgerEndpoints
{
    private const string Resource = "account";
    private const decimal MaxAmount = 1_000_000_000m;

    public static void MapLedger(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts/{accountId}/transactions").WithTags("Accounts");
        group.MapGet("", ListAsync).WithName("ListAccountTransactions").WithSummary("List an account's ledger entries, oldest first");
        group.MapGet("/{id}", GetAsync).WithName("GetAccountTransaction").WithSummary("Get one ledger entry");
        group.MapPost("", CreateAsync).WithName("CreateAccountTransaction").WithSummary("Post a top-up, refund or adjustment")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<LedgerEntryResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, string accountId, int? limit, string? cursor, string? kind)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var wanted = errors.EnumName<LedgerEntryKind>("kind", kind);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound(Resource, accountId);
        }

        var query = db.LedgerEntries.Where(e => e.AccountId == accountId);
        if (wanted is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, LedgerMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<LedgerEntryResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string accountId, string id) =>
        EntityOperations.GetAsync(db.LedgerEntries.Where(e => e.AccountId == accountId), id, "transaction", LedgerMapping.AsResponse, http);

    private static async Task<Results<Created<LedgerEntryResponse>, ValidationProblem, NotFoundProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, string accountId, LedgerEntryCreateRequest request)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return ApiProblems.NotFound(Resource, accountId);
        }

        var errors = new FieldErrors()
            .Optional("reference", request.Reference, LedgerEntry.ReferenceMaxLength)
            .Optional("description", request.Description, LedgerEntry.DescriptionMaxLength);
        switch (request.Kind)
        {
            case LedgerEntryKind.TopUp or LedgerEntryKind.Refund:
                errors.Range("amount", request.Amount ?? 0m, 0.000001m, MaxAmount);
                break;
            case LedgerEntryKind.Adjustment:
                errors.Range("amount", request.Amount ?? 0m, -MaxAmount, MaxAmount);
                if (request.Amount is null or 0m)
                {
                    errors.Add("amount", "is required and not zero.");
                }

                break;
            default:
                errors.Add("kind", "is required: top_up, refund or adjustment (call charges and corrections are posted by the switch).");
                break;
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var entry = new LedgerEntry
        {
            AccountId = accountId,
            Kind = request.Kind!.Value,
            Amount = Money.Round(request.Amount!.Value),
            Reference = request.Reference,
            Description = request.Description,
            Actor = ApiCaller.From(http.User).KeyId,
        };
        // SQL Server's retrying execution strategy runs only whole units of work, never a user transaction by itself.
        var posted = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Entry: entry),
            static async (_, state, token) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(token);
                if (!await AccountLedger.PostAsync(state.Db, state.Entry, settingsChanged: true, token))
                {
                    return false;
                }

                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            http.RequestAborted);
        if (!posted)
        {
            return ApiProblems.NotFound(Resource, accountId);
        }

        return EntityOperations.Created(http, $"/v1/accounts/{accountId}/transactions/{entry.Id}", entry, LedgerMapping.AsResponse);
    }
}

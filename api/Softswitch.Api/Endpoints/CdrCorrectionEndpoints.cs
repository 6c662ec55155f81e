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
/// <c>/v1/cdrs/{id}/corrections</c>: post-billing corrections of a CDR's charge (VOS3000 "modify CDR"). The CDR shows the
/// corrected charge; every correction keeps who, when, why, the old and the new value; the account's balance moves by
/// the difference through its ledger, in the same transaction.
/// </summary>
public static class CdrCorrectionEndpoints
{
    private const decimal MaxCharge = 1_000_000_000m;

    public static void MapCdrCorrections(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/cdrs/{cdrId}/corrections").WithTags("CDRs");
        group.MapGet("", ListAsync).WithName("ListCdrCorrections").WithSummary("List a CDR's charge corrections, oldest first");
        group.MapPost("", CreateAsync).WithName("CorrectCdr").WithSummary("Correct a CDR's charge and adjust its account's balance")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<CdrCorrectionResponse>>, ValidationProblem, NotFoundProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, string cdrId, int? limit, string? cursor)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Cdrs.AnyAsync(c => c.Id == cdrId, http.RequestAborted))
        {
            return ApiProblems.NotFound("CDR", cdrId);
        }

        return TypedResults.Ok(await db.CdrCorrections.Where(c => c.CdrId == cdrId).ToPageAsync(page, CdrCorrectionMapping.AsResponse, http.RequestAborted));
    }

    private static async Task<Results<Created<CdrCorrectionResponse>, ValidationProblem, NotFoundProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, string cdrId, CdrCorrectionRequest request)
    {
        if (!await db.Cdrs.AnyAsync(c => c.Id == cdrId, http.RequestAborted))
        {
            return ApiProblems.NotFound("CDR", cdrId);
        }

        var errors = new FieldErrors()
            .Range("charge", request.Charge, 0m, MaxCharge)
            .Required("reason", request.Reason, CdrCorrection.ReasonMaxLength);
        if (request.Charge is null)
        {
            errors.Add("charge", "is required.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var actor = ApiCaller.From(http.User).KeyId;
        var correction = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, CdrId: cdrId, Charge: Money.Round(request.Charge!.Value), Reason: request.Reason!.Trim(), Actor: actor),
            static async (_, state, token) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(token);

                // Under the rollup watermark's lock (the rollup job takes it first too): the CDR is either folded
                // already, and the job folds the difference, or it will be folded with the corrected charge.
                await state.Db.CdrRollupWatermarks.ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version), token);
                var mark = await state.Db.CdrRollupWatermarks.AsNoTracking().SingleOrDefaultAsync(token);
                var cdr = await state.Db.Cdrs.SingleAsync(c => c.Id == state.CdrId, token);
                var correction = new CdrCorrection
                {
                    CdrId = cdr.Id, OldCharge = cdr.Charge, NewCharge = state.Charge, Reason = state.Reason, Actor = state.Actor,
                    RollupPending = mark is not null && (cdr.CreatedAt < mark.CdrCreatedAt
                        || (cdr.CreatedAt == mark.CdrCreatedAt && string.CompareOrdinal(cdr.Id, mark.CdrId) <= 0)),
                };
                var refund = (cdr.Charge ?? 0m) - state.Charge;
                if (refund != 0m && cdr.AccountId is { } account)
                {
                    var entry = new LedgerEntry
                    {
                        AccountId = account, Kind = LedgerEntryKind.CdrCorrection, Amount = refund, Reference = cdr.Id,
                        Description = state.Reason.Length > LedgerEntry.DescriptionMaxLength ? state.Reason[..LedgerEntry.DescriptionMaxLength] : state.Reason,
                        Actor = state.Actor,
                    };
                    if (await AccountLedger.PostAsync(state.Db, entry, settingsChanged: true, token))
                    {
                        correction.LedgerEntryId = entry.Id;
                    }
                }

                cdr.Charge = state.Charge;
                state.Db.CdrCorrections.Add(correction);
                await state.Db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return correction;
            },
            verifySucceeded: null,
            http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/cdrs/{cdrId}/corrections", correction, CdrCorrectionMapping.AsResponse);
    }
}

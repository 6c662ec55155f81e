using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/number-lists</c>: black and white lists of full numbers (VOS3000 "black/white list groups"), assigned to
/// mapping and routing gateways by id. This module manages a list's settings; its numbers are at
/// <c>/v1/number-lists/{id}/numbers</c> (<see cref="NumberListNumberEndpoints"/>). A change reaches the switch within 2 seconds.
/// </summary>
public static class NumberListEndpoints
{
    public const string Resource = "number list";
    private const int MaxPerTenant = 1_000;

    public static void MapNumberLists(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/number-lists").WithTags("Number lists");
        group.MapGet("", ListAsync).WithName("ListNumberLists").WithSummary("List black and white number lists");
        group.MapGet("/{id}", GetAsync).WithName("GetNumberList").WithSummary("Get a number list's settings");
        group.MapPost("", CreateAsync).WithName("CreateNumberList").WithSummary("Create an empty black or white number list")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateNumberList").WithSummary("Replace a number list's settings (not its numbers)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteNumberList").WithSummary("Delete a number list no gateway uses, with its numbers")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<NumberListResponse>>, ValidationProblem>> ListAsync(SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? kind)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var kindFilter = errors.EnumName<NumberListKind>("kind", kind);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.NumberLists.AsQueryable();
        if (kindFilter is { } k)
        {
            query = query.Where(l => l.Kind == k);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, NumberListMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<NumberListResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.NumberLists, id, Resource, NumberListMapping.AsResponse, http);

    private static async Task<Results<Created<NumberListResponse>, ValidationProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, NumberListRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.NumberLists.AnyAsync(l => l.Name == request.Name!.Trim(), http.RequestAborted))
        {
            return ApiProblems.Conflict($"A number list named '{request.Name!.Trim()}' already exists in this tenant.");
        }

        if (await db.NumberLists.CountAsync(http.RequestAborted) >= MaxPerTenant)
        {
            return new FieldErrors().Add("name", $"would pass the limit of {MaxPerTenant} number lists per tenant.")
                .ToRefusal();
        }

        var list = new NumberList();
        Apply(list, request);
        db.NumberLists.Add(list);
        db.NumberListContents.Add(new NumberListContent { Id = list.Id });
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/number-lists/{list.Id}", list, NumberListMapping.AsResponse);
    }

    private static Task<Results<Ok<NumberListResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, NumberListRequest request) =>
        EntityOperations.ReplaceAsync(db, db.NumberLists, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: list => Apply(list, request),
            refuse: async (_, cancellationToken) =>
                await db.NumberLists.AnyAsync(l => l.Id != id && l.Name == request.Name!.Trim(), cancellationToken)
                ? ApiProblems.Conflict($"A number list named '{request.Name!.Trim()}' already exists in this tenant.")
                : null,
            NumberListMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.NumberLists, id, Resource, http, async cancellationToken =>
            await NumberUsage.ListUserAsync(db, id, cancellationToken) is { } user
                ? ApiProblems.Conflict($"Number list '{id}' is assigned to {user}; remove it there first.")
                : null);

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, NumberListRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, NumberList.NameMaxLength)
            .Range("refusal_status", request.RefusalStatus, 400, 699);
        if (request.Kind is not { } kind)
        {
            errors.Add("kind", "is required: black or white.");
        }
        else
        {
            errors.Defined("kind", kind);
        }

        if (request.Match is not { } match)
        {
            errors.Add("match", "is required: caller or callee.");
        }
        else
        {
            errors.Defined("match", match);
        }

        if (request.NumberGroupIds is { Count: > NumberList.MaxGroups })
        {
            errors.Add("number_group_ids", $"must hold at most {NumberList.MaxGroups} ids.");
        }
        else
        {
            await NumberRuleValidation.CheckIdsAsync(db.NumberGroups, "number_group_ids", request.NumberGroupIds, "number group", errors, cancellationToken);
        }

        return errors;
    }

    private static void Apply(NumberList list, NumberListRequest request)
    {
        list.Name = request.Name!.Trim();
        list.Kind = request.Kind!.Value;
        list.Match = request.Match!.Value;
        list.NumberGroupIds = request.NumberGroupIds?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        list.RefusalStatus = request.RefusalStatus ?? NumberRule.DefaultRefusalStatus;
    }
}

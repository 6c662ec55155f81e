using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/number-groups</c>: named prefix sets, used in number lists and in the number rules of gateways and accounts.
/// A change reaches the switch within 2 seconds.
/// </summary>
public static class NumberGroupEndpoints
{
    private const string Resource = "number group";
    private const int MaxPerTenant = 1_000;

    public static void MapNumberGroups(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/number-groups").WithTags("Number groups");
        group.MapGet("", ListAsync).WithName("ListNumberGroups").WithSummary("List number groups");
        group.MapGet("/{id}", GetAsync).WithName("GetNumberGroup").WithSummary("Get a number group");
        group.MapPost("", CreateAsync).WithName("CreateNumberGroup").WithSummary("Create a number group (named prefixes)")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateNumberGroup").WithSummary("Replace a number group")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteNumberGroup").WithSummary("Delete a number group nothing uses")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<NumberGroupResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.NumberGroups, limit, cursor, NumberGroupMapping.AsResponse, http);

    private static Task<Results<Ok<NumberGroupResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.NumberGroups, id, Resource, NumberGroupMapping.AsResponse, http);

    private static async Task<Results<Created<NumberGroupResponse>, ValidationProblem, ConflictProblem, UnprocessableProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, NumberGroupRequest request)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.NumberGroups.AnyAsync(g => g.Name == request.Name!.Trim(), http.RequestAborted))
        {
            return ApiProblems.Conflict($"A number group named '{request.Name!.Trim()}' already exists in this tenant.");
        }

        if (await db.NumberGroups.CountAsync(http.RequestAborted) >= MaxPerTenant)
        {
            return new FieldErrors().Add("name", $"would pass the limit of {MaxPerTenant} number groups per tenant.")
                .ToRefusal();
        }

        var group = new NumberGroup();
        Apply(group, request);
        db.NumberGroups.Add(group);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/number-groups/{group.Id}", group, NumberGroupMapping.AsResponse);
    }

    private static Task<Results<Ok<NumberGroupResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, NumberGroupRequest request) =>
        EntityOperations.ReplaceAsync(db, db.NumberGroups, id, Resource, http,
            validate: _ => Task.FromResult(Validate(request)),
            apply: group => Apply(group, request),
            refuse: async (_, cancellationToken) =>
                await db.NumberGroups.AnyAsync(g => g.Id != id && g.Name == request.Name!.Trim(), cancellationToken)
                ? ApiProblems.Conflict($"A number group named '{request.Name!.Trim()}' already exists in this tenant.")
                : null,
            NumberGroupMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.NumberGroups, id, Resource, http, async cancellationToken =>
            await NumberUsage.GroupUserAsync(db, id, cancellationToken) is { } user
                ? ApiProblems.Conflict($"Number group '{id}' is used by {user}; remove it there first.")
                : null);

    private static FieldErrors Validate(NumberGroupRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, NumberGroup.NameMaxLength)
            .NumberPrefixes("prefixes", request.Prefixes, NumberGroup.MaxPrefixes);
        if (request.Prefixes is not { Count: > 0 })
        {
            errors.Add("prefixes", "needs at least one prefix.");
        }

        return errors;
    }

    private static void Apply(NumberGroup group, NumberGroupRequest request)
    {
        group.Name = request.Name!.Trim();
        group.Prefixes = NumberRuleMapping.Digits(request.Prefixes);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/ip-range-sets</c>: named sets of address ranges (a country's networks, a partner's blocks) that geofences
/// apply. The ranges themselves are under <c>/v1/ip-range-sets/{id}/ranges</c>. A set a geofence uses cannot be
/// deleted (409).
/// </summary>
public static class IpRangeSetEndpoints
{
    private const string Resource = "IP range set";

    public static void MapIpRangeSets(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/ip-range-sets").WithTags("Geofencing");
        group.MapGet("", ListAsync).WithName("ListIpRangeSets").WithSummary("List the tenant's IP range sets");
        group.MapGet("/{id}", GetAsync).WithName("GetIpRangeSet").WithSummary("Get an IP range set");
        group.MapPost("", CreateAsync).WithName("CreateIpRangeSet").WithSummary("Create an empty IP range set")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateIpRangeSet").WithSummary("Rename or describe an IP range set")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteIpRangeSet").WithSummary("Delete an IP range set and its ranges")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<IpRangeSetResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.IpRangeSets, limit, cursor, GeofencingMapping.AsResponse, http);

    private static Task<Results<Ok<IpRangeSetResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.IpRangeSets, id, Resource, GeofencingMapping.AsResponse, http);

    private static async Task<Results<Created<IpRangeSetResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, IpRangeSetRequest request)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.IpRangeSets.AnyAsync(s => s.Name == request.Name, http.RequestAborted))
        {
            return Duplicate(request.Name!);
        }

        var set = new IpRangeSet { Name = request.Name!, Description = request.Description };
        db.IpRangeSets.Add(set);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/ip-range-sets/{set.Id}", set, GeofencingMapping.AsResponse);
    }

    private static Task<Results<Ok<IpRangeSetResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, IpRangeSetRequest request) =>
        EntityOperations.ReplaceAsync(db, db.IpRangeSets, id, Resource, http,
            validate: _ => Task.FromResult(Validate(request)),
            apply: set =>
            {
                set.Name = request.Name!;
                set.Description = request.Description;
            },
            refuse: async (set, cancellationToken) =>
                await db.IpRangeSets.AnyAsync(s => s.Id != id && s.Name == set.Name, cancellationToken) ? Duplicate(set.Name) : null,
            GeofencingMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale, ConflictProblem>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.IpRangeSets, id, Resource, http, async cancellationToken =>
            await db.Geofences.AnyAsync(g => g.IpRangeSetId == id, cancellationToken)
                ? ApiProblems.Conflict($"IP range set '{id}' is used by a geofence; delete or change the geofence first.")
                : null);

    private static FieldErrors Validate(IpRangeSetRequest request) =>
        new FieldErrors()
            .Required("name", request.Name, IpRangeSet.NameMaxLength)
            .Optional("description", request.Description, IpRangeSet.DescriptionMaxLength);

    private static ConflictProblem Duplicate(string name) => ApiProblems.Conflict($"An IP range set named '{name}' already exists in this tenant.");
}

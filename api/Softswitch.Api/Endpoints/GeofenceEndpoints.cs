using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// <c>/v1/geofences</c>: an IP range set applied with a mode (ignore, forbidden, allow) to the whole tenant, a mapping
/// gateway, a routing gateway or a phone, one per level and target. The switch checks callers' signalling sources and
/// offers, and vendors' responses and answers, against the most specific fence that is not <c>ignore</c>; a change
/// is in force for new calls within 2 seconds.
/// </summary>
public static class GeofenceEndpoints
{
    private const string Resource = "geofence";

    public static void MapGeofences(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/geofences").WithTags("Geofencing");
        group.MapGet("", ListAsync).WithName("ListGeofences").WithSummary("List the tenant's geofences");
        group.MapGet("/{id}", GetAsync).WithName("GetGeofence").WithSummary("Get a geofence");
        group.MapPost("", CreateAsync).WithName("CreateGeofence").WithSummary("Apply an IP range set at the tenant, a gateway or a phone")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateGeofence").WithSummary("Replace a geofence")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteGeofence").WithSummary("Remove a geofence")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static Task<Results<Ok<Page<GeofenceResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor) =>
        EntityOperations.ListAsync(db.Geofences, limit, cursor, GeofencingMapping.AsResponse, http);

    private static Task<Results<Ok<GeofenceResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Geofences, id, Resource, GeofencingMapping.AsResponse, http);

    private static async Task<Results<Created<GeofenceResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, GeofenceRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var fence = new Geofence();
        Apply(fence, request);
        if (await TakenAsync(db, fence, http.RequestAborted))
        {
            return Duplicate(fence);
        }

        db.Geofences.Add(fence);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/geofences/{fence.Id}", fence, GeofencingMapping.AsResponse);
    }

    private static Task<Results<Ok<GeofenceResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, GeofenceRequest request) =>
        EntityOperations.ReplaceAsync(db, db.Geofences, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: fence => Apply(fence, request),
            refuse: async (fence, cancellationToken) => await TakenAsync(db, fence, cancellationToken) ? Duplicate(fence) : null,
            GeofencingMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.Geofences, id, Resource, http);

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, GeofenceRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Range("refusal_status", request.RefusalStatus, 400, 699);
        if (request.Scope is not { } scope)
        {
            errors.Add("scope", "is required: tenant, mapping_gateway, routing_gateway or phone.");
        }
        else if (scope == GeofenceScope.Tenant)
        {
            if (request.TargetId is not null)
            {
                errors.Add("target_id", "must be absent for a tenant-level geofence.");
            }
        }
        else if (string.IsNullOrEmpty(request.TargetId))
        {
            errors.Add("target_id", "is required: the id of the gateway or phone the geofence applies to.");
        }
        else
        {
            await (scope switch
            {
                GeofenceScope.MappingGateway => References.CheckAsync(db.MappingGateways, "target_id", request.TargetId, "mapping gateway", errors, cancellationToken),
                GeofenceScope.RoutingGateway => References.CheckAsync(db.RoutingGateways, "target_id", request.TargetId, "routing gateway", errors, cancellationToken),
                _ => References.CheckAsync(db.Phones, "target_id", request.TargetId, "phone", errors, cancellationToken),
            });
        }

        if (request.Mode is null)
        {
            errors.Add("mode", "is required: ignore, forbidden or allow.");
        }

        if (string.IsNullOrEmpty(request.IpRangeSetId))
        {
            errors.Add("ip_range_set_id", "is required.");
        }
        else
        {
            await References.CheckAsync(db.IpRangeSets, "ip_range_set_id", request.IpRangeSetId, "IP range set", errors, cancellationToken);
        }

        return errors;
    }

    private static void Apply(Geofence fence, GeofenceRequest request)
    {
        fence.Scope = request.Scope!.Value;
        fence.MappingGatewayId = fence.Scope == GeofenceScope.MappingGateway ? request.TargetId : null;
        fence.RoutingGatewayId = fence.Scope == GeofenceScope.RoutingGateway ? request.TargetId : null;
        fence.PhoneId = fence.Scope == GeofenceScope.Phone ? request.TargetId : null;
        fence.IpRangeSetId = request.IpRangeSetId!;
        fence.Mode = request.Mode!.Value;
        fence.RefusalStatus = request.RefusalStatus ?? Geofence.DefaultRefusalStatus;
    }

    /// <summary>Another fence already applies at the same level and target.</summary>
    private static Task<bool> TakenAsync(SoftswitchDbContext db, Geofence fence, CancellationToken cancellationToken) =>
        db.Geofences.AnyAsync(
            g => g.Id != fence.Id && g.Scope == fence.Scope && g.MappingGatewayId == fence.MappingGatewayId
                && g.RoutingGatewayId == fence.RoutingGatewayId && g.PhoneId == fence.PhoneId,
            cancellationToken);

    private static ConflictProblem Duplicate(Geofence fence) =>
        ApiProblems.Conflict(fence.Scope == GeofenceScope.Tenant
            ? "The tenant already has a tenant-level geofence; change it with PUT."
            : $"{fence.TargetId} already has a geofence; change it with PUT.");
}

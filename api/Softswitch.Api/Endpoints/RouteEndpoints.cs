using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Route = Softswitch.Domain.Route;
using Softswitch.Api.Auth;
using Softswitch.Api.Contracts;
using Softswitch.Api.Http;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary><c>/v1/routes</c>: callee prefix, or prefix and number group, to an ordered list of routing gateways or a phone.</summary>
public static class RouteEndpoints
{
    private const string Resource = "route";

    public static void MapRoutes(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/routes").WithTags("Routes");
        group.MapGet("", ListAsync).WithName("ListRoutes").WithSummary("List routes");
        group.MapGet("/{id}", GetAsync).WithName("GetRoute").WithSummary("Get a route");
        group.MapPost("", CreateAsync).WithName("CreateRoute").WithSummary("Create a route")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateRoute").WithSummary("Replace a route")
            .RequireAuthorization(AuthRegistration.WritePolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteRoute").WithSummary("Delete a route")
            .RequireAuthorization(AuthRegistration.WritePolicy);
    }

    private static async Task<Results<Ok<Page<RouteResponse>>, ValidationProblem>> ListAsync(
        SoftswitchDbContext db, HttpContext http, int? limit, string? cursor, string? prefix, string? routingGatewayId, string? status,
        [FromQuery(Name = "callee_group_id")] string? calleeGroupId)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Parse(limit, cursor, errors);
        var statusFilter = errors.EnumName<GatewayStatus>("status", status);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Routes.AsQueryable();
        if (prefix is not null)
        {
            query = query.Where(r => r.Prefix == prefix);
        }

        if (!string.IsNullOrEmpty(routingGatewayId))
        {
            query = query.Where(r => r.RoutingGatewayIds.Contains(routingGatewayId));
        }

        if (!string.IsNullOrEmpty(calleeGroupId))
        {
            query = query.Where(r => r.CalleeGroupId == calleeGroupId);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        return TypedResults.Ok(await query.ToPageAsync(page, RouteMapping.AsResponse, http.RequestAborted));
    }

    private static Task<Results<Ok<RouteResponse>, NotFoundProblem>> GetAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.GetAsync(db.Routes, id, Resource, RouteMapping.AsResponse, http);

    private static async Task<Results<Created<RouteResponse>, ValidationProblem, ConflictProblem>> CreateAsync(SoftswitchDbContext db, HttpContext http, RouteRequest request)
    {
        var errors = await ValidateAsync(db, request, http.RequestAborted);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await TakenAsync(db, null, request, http.RequestAborted) is { } taken)
        {
            return taken;
        }

        var route = new Route();
        Apply(route, request);
        db.Routes.Add(route);
        await db.SaveChangesAsync(http.RequestAborted);
        return EntityOperations.Created(http, $"/v1/routes/{route.Id}", route, RouteMapping.AsResponse);
    }

    private static Task<Results<Ok<RouteResponse>, ValidationProblem, MissingOrStale, ConflictProblem>> UpdateAsync(
        SoftswitchDbContext db, HttpContext http, string id, RouteRequest request) =>
        EntityOperations.ReplaceAsync(db, db.Routes, id, Resource, http,
            validate: cancellationToken => ValidateAsync(db, request, cancellationToken),
            apply: route => Apply(route, request),
            refuse: (_, cancellationToken) => TakenAsync(db, id, request, cancellationToken),
            RouteMapping.AsResponse);

    private static Task<Results<NoContent, MissingOrStale>> DeleteAsync(SoftswitchDbContext db, HttpContext http, string id) =>
        EntityOperations.DeleteAsync(db, db.Routes, id, Resource, http);

    private static async Task<FieldErrors> ValidateAsync(SoftswitchDbContext db, RouteRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, Route.NameMaxLength)
            .Digits("prefix", request.Prefix, Route.PrefixMaxLength);
        await RouteTargets.CheckAsync(db, request.RoutingGatewayIds, request.PhoneId, errors, cancellationToken);
        await References.CheckAsync(db.NumberGroups, "callee_group_id", request.CalleeGroupId, "number group", errors, cancellationToken);
        return errors;
    }

    /// <summary>A plain route's prefix is the tenant's once; a group route's prefix once per group.</summary>
    private static async Task<ConflictProblem?> TakenAsync(SoftswitchDbContext db, string? id, RouteRequest request, CancellationToken cancellationToken)
    {
        var prefix = request.Prefix ?? "";
        if (!await db.Routes.AnyAsync(r => r.Id != id && r.Prefix == prefix && r.CalleeGroupId == request.CalleeGroupId, cancellationToken))
        {
            return null;
        }

        return request.CalleeGroupId is null
            ? ApiProblems.Conflict($"A route for prefix '{prefix}' already exists in this tenant.")
            : ApiProblems.Conflict($"A route for prefix '{prefix}' and number group '{request.CalleeGroupId}' already exists in this tenant.");
    }

    private static void Apply(Route route, RouteRequest request)
    {
        route.Name = request.Name!.Trim();
        route.Prefix = request.Prefix ?? "";
        route.RoutingGatewayIds = request.RoutingGatewayIds ?? [];
        route.PhoneId = request.PhoneId;
        route.CalleeGroupId = request.CalleeGroupId;
        route.Status = request.Status ?? GatewayStatus.Active;
    }
}

using Softswitch.Domain;
using Route = Softswitch.Domain.Route;

namespace Softswitch.Api.Contracts;

/// <summary>
/// A route: callee prefix (longest match wins; empty = default route) to routing gateways in order, or to one of the
/// tenant's phones (<c>phone_id</c>; then <c>routing_gateway_ids</c> is empty). With <c>callee_group_id</c> it matches
/// callees that start with <c>prefix</c> followed by one of that number group's prefixes.
/// </summary>
public sealed record RouteResponse(
    string Id, string Name, string Prefix, IReadOnlyList<string> RoutingGatewayIds, GatewayStatus Status,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, string? PhoneId, string? CalleeGroupId);

/// <summary>
/// Creates or replaces a route. Exactly one of <c>routing_gateway_ids</c> (non-empty) and <c>phone_id</c> is given;
/// <c>callee_group_id</c> optionally names one of the tenant's number groups.
/// </summary>
public sealed record RouteRequest(
    string? Name, string? Prefix, List<string>? RoutingGatewayIds, GatewayStatus? Status, string? PhoneId = null, string? CalleeGroupId = null);

public static class RouteMapping
{
    public static RouteResponse AsResponse(this Route r) =>
        new(r.Id, r.Name, r.Prefix, r.RoutingGatewayIds, r.Status, r.CreatedAt, r.UpdatedAt, r.Version, r.PhoneId, r.CalleeGroupId);
}

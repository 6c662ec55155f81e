using Softswitch.Domain;
using Route = Softswitch.Domain.Route;

namespace Softswitch.Api.Contracts;

/// <summary>
/// A route: callee prefix (longest match wins; empty = default route) to routing gateways in order, or to one of the
/// tenant's phones (<c>phone_id</c>; then <c>routing_gateway_ids</c> is empty).
/// </summary>
public sealed record RouteResponse(
    string Id, string Name, string Prefix, IReadOnlyList<string> RoutingGatewayIds, GatewayStatus Status,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, string? PhoneId);

/// <summary>Creates or replaces a route. Exactly one of <c>routing_gateway_ids</c> (non-empty) and <c>phone_id</c> is given.</summary>
public sealed record RouteRequest(string? Name, string? Prefix, List<string>? RoutingGatewayIds, GatewayStatus? Status, string? PhoneId = null);

public static class RouteMapping
{
    public static RouteResponse AsResponse(this Route r) =>
        new(r.Id, r.Name, r.Prefix, r.RoutingGatewayIds, r.Status, r.CreatedAt, r.UpdatedAt, r.Version, r.PhoneId);
}

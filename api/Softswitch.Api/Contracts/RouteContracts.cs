using Softswitch.Domain;
using Route = Softswitch.Domain.Route;

namespace Softswitch.Api.Contracts;

/// <summary>A route: callee prefix (longest match wins; empty = default route) to routing gateways in order.</summary>
public sealed record RouteResponse(
    string Id, string Name, string Prefix, IReadOnlyList<string> RoutingGatewayIds, GatewayStatus Status,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates or replaces a route.</summary>
public sealed record RouteRequest(string? Name, string? Prefix, List<string>? RoutingGatewayIds, GatewayStatus? Status);

public static class RouteMapping
{
    public static RouteResponse AsResponse(this Route r) =>
        new(r.Id, r.Name, r.Prefix, r.RoutingGatewayIds, r.Status, r.CreatedAt, r.UpdatedAt, r.Version);
}

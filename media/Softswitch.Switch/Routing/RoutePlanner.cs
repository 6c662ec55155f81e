using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>
/// Turns a callee into a <see cref="RoutePlan"/>: the mapping gateway's callee rewrite rules first, then the
/// longest-prefix route on the rewritten number, then the route's gateways ordered by priority and weight, each
/// attempt's callee rewritten by that gateway's strip/add prefix.
/// </summary>
public static class RoutePlanner
{
    /// <param name="tenant">The tenant the call belongs to.</param>
    /// <param name="ingress">The trunk the call came in on, or null for a call from a registered phone.</param>
    /// <param name="callee">The callee as received, tech prefix already stripped.</param>
    /// <param name="random">The source of the weighted order; seeded in tests.</param>
    public static RoutePlan Plan(TenantConfig tenant, MappingGatewayEntry? ingress, string callee, Random random)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(callee);
        var routed = ingress?.RewriteCallee(callee) ?? callee;
        var route = tenant.FindRoute(routed);
        if (route is null)
        {
            return new RoutePlan(null, routed, []);
        }

        var attempts = GatewayOrder.Arrange(route.Gateways, random)
            .Select(g => new RouteAttempt(g, g.RewriteCallee(routed)))
            .ToList();
        return new RoutePlan(route, routed, attempts);
    }
}

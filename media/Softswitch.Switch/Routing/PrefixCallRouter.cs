using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Routing;

/// <summary>The default router: the tenant's longest-prefix route, its gateways by priority then weight (<see cref="RoutePlanner"/>).</summary>
public sealed class PrefixCallRouter : ICallRouter
{
    public static PrefixCallRouter Instance { get; } = new();

    public RoutePlan Plan(CallOrigin origin, Random random)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return RoutePlanner.Plan(origin.Tenant, origin.Gateway, origin.Callee, random);
    }
}

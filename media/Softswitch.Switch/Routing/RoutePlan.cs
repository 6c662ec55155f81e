using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>The routing decision for one call: which route matched and the gateways to try, in order.</summary>
public sealed record RoutePlan(RouteEntry? Route, string RoutedCallee, IReadOnlyList<RouteAttempt> Attempts)
{
    public bool HasRoute => Route is not null;
}

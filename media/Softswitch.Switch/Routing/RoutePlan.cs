using Softswitch.Switch.Config;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Routing;

/// <summary>The routing decision for one call: which route matched and the gateways to try, in order.</summary>
public sealed record RoutePlan(RouteEntry? Route, string RoutedCallee, IReadOnlyList<RouteAttempt> Attempts)
{
    public bool HasRoute => Route is not null;

    /// <summary>Set when the route's every vendor refused the call's numbers: what the caller is told.</summary>
    public NumberRefusal? Refusal { get; init; }
}

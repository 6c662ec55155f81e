using Softswitch.Switch.Config;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Routing;

/// <summary>The routing decision for one call: which route matched and the gateways to try, in order.</summary>
public sealed record RoutePlan(RouteEntry? Route, string RoutedCallee, IReadOnlyList<RouteAttempt> Attempts)
{
    public bool HasRoute => Route is not null || Redirected || Phone is not null;

    /// <summary>The attempts came from a routing server (the 3xx redirect client), not from a route of the tenant.</summary>
    public bool Redirected { get; init; }

    /// <summary>
    /// Set when the callee is a phone's number: the call rings its registered contacts, in order. A phone with no
    /// live contact leaves <see cref="Attempts"/> to its offline redirect gateway, or empty (the caller gets 480).
    /// </summary>
    public PhoneTarget? Phone { get; init; }

    /// <summary>Set when the route's every vendor refused the call's numbers: what the caller is told.</summary>
    public NumberRefusal? Refusal { get; init; }
}

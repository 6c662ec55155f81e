using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>One gateway to try and the callee as that gateway must receive it.</summary>
public sealed record RouteAttempt(RoutingGatewayEntry Gateway, string Callee);

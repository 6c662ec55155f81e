namespace Softswitch.Switch.Config;

/// <summary>An active route with its active gateways, in the order the route lists them.</summary>
public sealed record RouteEntry(string Id, string TenantId, string Prefix, IReadOnlyList<RoutingGatewayEntry> Gateways);

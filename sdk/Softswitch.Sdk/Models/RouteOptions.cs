namespace Softswitch.Sdk;

/// <summary>Creates or replaces a route.</summary>
public sealed class RouteOptions
{
    public required string Name { get; init; }

    public string? Prefix { get; init; }

    public required IReadOnlyList<string> RoutingGatewayIds { get; init; }

    public GatewayStatus? Status { get; init; }
}

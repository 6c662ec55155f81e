namespace Softswitch.Sdk;

/// <summary>Creates or replaces a route: give routing gateway ids, or a phone id with no gateway ids.</summary>
public sealed class RouteOptions
{
    public required string Name { get; init; }

    public string? Prefix { get; init; }

    public IReadOnlyList<string>? RoutingGatewayIds { get; init; }

    public GatewayStatus? Status { get; init; }

    public string? PhoneId { get; init; }
}

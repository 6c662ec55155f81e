namespace Softswitch.Sdk;

/// <summary>Creates or replaces a route: give routing gateway ids, or a phone id with no gateway ids.</summary>
public sealed class RouteOptions
{
    public required string Name { get; init; }

    public string? Prefix { get; init; }

    public IReadOnlyList<string>? RoutingGatewayIds { get; init; }

    public GatewayStatus? Status { get; init; }

    public string? PhoneId { get; init; }

    /// <summary>A number group of the tenant: the route matches its prefixes after <see cref="Prefix"/>.</summary>
    public string? CalleeGroupId { get; init; }
}

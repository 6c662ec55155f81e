namespace Softswitch.Sdk;

/// <summary>Creates or replaces a route: give routing gateway ids, or a phone id with no gateway ids.</summary>
public sealed class RouteOptions
{
    public required string Name { get; init; }

    public string? Prefix { get; init; }

    public IReadOnlyList<string>? RoutingGatewayIds { get; init; }

    public GatewayStatus? Status { get; init; }

    public string? PhoneId { get; init; }

    /// <summary>One of the tenant's number groups: the route then matches the prefix followed by one of the group's prefixes.</summary>
    public string? CalleeGroupId { get; init; }
}

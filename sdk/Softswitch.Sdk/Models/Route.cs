namespace Softswitch.Sdk;

/// <summary>
/// A callee prefix (longest match wins; empty = default route) to routing gateways in order, or to a phone. With
/// <see cref="CalleeGroupId"/> it matches callees that start with the prefix followed by one of that number group's prefixes.
/// </summary>
public sealed class Route
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Prefix { get; init; }

    public required IReadOnlyList<string> RoutingGatewayIds { get; init; }

    public required GatewayStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }

    /// <summary>The phone the route's calls ring; then <see cref="RoutingGatewayIds"/> is empty.</summary>
    public required string? PhoneId { get; init; }

    public required string? CalleeGroupId { get; init; }
}

namespace Softswitch.Switch.Config;

/// <summary>An active route with its active gateways, in the order the route lists them.</summary>
public sealed record RouteEntry(string Id, string TenantId, string Prefix, IReadOnlyList<RoutingGatewayEntry> Gateways)
{
    /// <summary>The active phone the route's calls ring instead of gateways; null for a gateway route.</summary>
    public PhoneEntry? Phone { get; init; }

    /// <summary>The route names a phone (active or not): it never falls back to gateways.</summary>
    public bool TargetsPhone { get; init; }

    /// <summary>The number group whose prefixes, after <see cref="Prefix"/>, the route matches; null for a plain prefix route.</summary>
    public string? CalleeGroupId { get; init; }

    /// <summary>That group's prefixes as the snapshot was built; null for a plain prefix route.</summary>
    public IReadOnlyList<string>? CalleeGroupPrefixes { get; init; }
}

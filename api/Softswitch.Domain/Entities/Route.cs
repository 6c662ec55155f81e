namespace Softswitch.Domain;

/// <summary>Sends callees that start with <see cref="Prefix"/> to an ordered list of routing gateways.</summary>
public class Route : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int PrefixMaxLength = 32;

    public string Name { get; set; } = "";

    /// <summary>Digits; empty for the default route. Unique within the tenant among plain routes; the longest matching prefix wins.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Ids of <see cref="RoutingGateway"/> rows, in the order they are tried; empty when <see cref="PhoneId"/> is set.</summary>
    public List<string> RoutingGatewayIds { get; set; } = [];

    /// <summary>
    /// The tenant's <see cref="Phone"/> this route's calls ring instead of routing gateways (exactly one of the two is
    /// set). A phone without a live registration sends them to its offline redirect gateway, else they get 480.
    /// </summary>
    public string? PhoneId { get; set; }

    /// <summary>
    /// The tenant's <see cref="NumberGroup"/> whose prefixes, after <see cref="Prefix"/>, this route matches instead of
    /// <see cref="Prefix"/> alone; null for a plain prefix route. Unique with <see cref="Prefix"/> within the tenant.
    /// </summary>
    public string? CalleeGroupId { get; set; }

    public GatewayStatus Status { get; set; }
}

namespace Softswitch.Domain;

/// <summary>Sends callees that start with <see cref="Prefix"/> to an ordered list of routing gateways.</summary>
public class Route : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int PrefixMaxLength = 32;

    public string Name { get; set; } = "";

    /// <summary>Digits; empty for the default route. Unique within the tenant; the longest matching prefix wins.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Ids of <see cref="RoutingGateway"/> rows, in the order they are tried; empty when <see cref="PhoneId"/> is set.</summary>
    public List<string> RoutingGatewayIds { get; set; } = [];

    /// <summary>
    /// The tenant's <see cref="Phone"/> this route's calls ring instead of routing gateways (exactly one of the two is
    /// set). A phone without a live registration sends them to its offline redirect gateway, else they get 480.
    /// </summary>
    public string? PhoneId { get; set; }

    public GatewayStatus Status { get; set; }
}

namespace Softswitch.Domain;

/// <summary>Sends callees that start with <see cref="Prefix"/> to an ordered list of routing gateways.</summary>
public class Route : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int PrefixMaxLength = 32;

    public string Name { get; set; } = "";

    /// <summary>Digits; empty for the default route. Unique within the tenant; the longest matching prefix wins.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Ids of <see cref="RoutingGateway"/> rows, in the order they are tried.</summary>
    public List<string> RoutingGatewayIds { get; set; } = [];

    public GatewayStatus Status { get; set; }
}

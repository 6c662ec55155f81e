using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>The rows of every tenant a snapshot is built from, as read from the control plane.</summary>
public sealed record SwitchConfigRows(
    IReadOnlyList<Tenant> Tenants,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Phone> Phones,
    IReadOnlyList<MappingGateway> MappingGateways,
    IReadOnlyList<RoutingGateway> RoutingGateways,
    IReadOnlyList<Route> Routes)
{
    public static SwitchConfigRows None { get; } = new([], [], [], [], [], []);
}

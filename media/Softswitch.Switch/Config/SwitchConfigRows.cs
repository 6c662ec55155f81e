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
    /// <summary>The number groups routes may match callees by (<see cref="Route.CalleeGroupId"/>).</summary>
    public IReadOnlyList<NumberGroup> NumberGroups { get; init; } = [];

    public static SwitchConfigRows None { get; } = new([], [], [], [], [], []);
}

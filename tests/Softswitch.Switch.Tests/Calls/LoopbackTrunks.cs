using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>One tenant whose customer trunk sends from 127.0.0.1 and whose every call goes to a vendor on loopback.</summary>
internal static class LoopbackTrunks
{
    public const string Tenant = "ten_a";
    public const string MappingGateway = "mgw_customer";
    public const string RoutingGateway = "rgw_vendor";

    public static SwitchConfigSnapshot Snapshot(int vendorPort)
    {
        var rows = new ConfigRows()
            .Tenant(Tenant)
            .Account(Tenant, "acc_customer")
            .Account(Tenant, "acc_vendor")
            .Mapping(Tenant, "acc_customer", MappingGateway, ["127.0.0.1"])
            .Routing(Tenant, "acc_vendor", RoutingGateway)
            .DefaultRouteToAll(Tenant)
            .Build();
        var vendor = rows.RoutingGateways.Single();
        vendor.Host = "127.0.0.1";
        vendor.Port = vendorPort;
        return SwitchConfigSnapshot.Create(1, rows);
    }
}

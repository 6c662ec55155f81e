using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Redirect;

/// <summary>A tenant with a trunk and three vendors at 192.0.2.1:5061, :5062 and :5063 (v1, v2, v3).</summary>
internal static class RedirectTestConfig
{
    public static SwitchConfigSnapshot Snapshot(string tenant = "t")
    {
        var rows = new ConfigRows().Tenant(tenant).Account(tenant, "c").Account(tenant, "v").Mapping(tenant, "c", "trunk", ["198.51.100.7"])
            .Routing(tenant, "v", "v1").Routing(tenant, "v", "v2", strip: 2, add: "9").Routing(tenant, "v", "v3").DefaultRouteToAll(tenant).Build();
        for (var i = 0; i < rows.RoutingGateways.Count; i++)
        {
            rows.RoutingGateways[i].Port = 5061 + i;
        }

        return SwitchConfigSnapshot.Create(1, rows);
    }

    public static CallOrigin Origin(SwitchConfigSnapshot snapshot, string tenant = "t")
    {
        var config = snapshot.Tenants[tenant];
        return new CallOrigin(config, config.Accounts["c"], config.MappingGateways["trunk"], null, "15550001111", "442071234567");
    }
}

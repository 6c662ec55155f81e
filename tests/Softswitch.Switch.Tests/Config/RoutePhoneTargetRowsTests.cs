using Softswitch.Domain;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

/// <summary>Routes that target a phone in the snapshot: only the tenant's own active phone, never a gateway fallback.</summary>
public sealed class RoutePhoneTargetRowsTests
{
    [Fact]
    public void A_route_to_an_active_phone_carries_the_phone_and_its_fork_settings()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "c").Phone("t", "c", "p1", "1001").Route("t", "r1", "7", []).Build();
        rows.Routes.Single().PhoneId = "p1";
        var phone = rows.Phones.Single();
        phone.ForkMode = ForkMode.Parallel;
        phone.MaxIncomingCalls = 2;

        var route = SwitchConfigSnapshot.Create(1, rows).FindRoute("t", "7000")!;

        Assert.Equal(("p1", ForkMode.Parallel, 2), (route.Phone!.Id, route.Phone.ForkMode, route.Phone.MaxIncomingCalls));
        Assert.True(route.TargetsPhone);
        Assert.Empty(route.Gateways);
    }

    [Fact]
    public void A_route_to_another_tenant_s_phone_gets_no_phone_and_is_reported()
    {
        var rows = new ConfigRows()
            .Tenant("t1").Account("t1", "c1").Phone("t1", "c1", "p1", "1001")
            .Tenant("t2").Account("t2", "c2").Route("t2", "r2", "7", [])
            .Build();
        rows.Routes.Single().PhoneId = "p1";

        var snapshot = SwitchConfigSnapshot.Create(1, rows);

        var route = snapshot.FindRoute("t2", "7000")!;
        Assert.Null(route.Phone);
        Assert.True(route.TargetsPhone);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("routes", "t2", "r2"), (problem.Table, problem.TenantId, problem.RowId));
    }

    [Fact]
    public void A_route_to_a_disabled_phone_has_no_phone_and_no_problem()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "c").Phone("t", "c", "p1", "1001", PhoneStatus.Disabled).Route("t", "r1", "7", []).Build();
        rows.Routes.Single().PhoneId = "p1";

        var snapshot = SwitchConfigSnapshot.Create(1, rows);

        Assert.Null(snapshot.FindRoute("t", "7000")!.Phone);
        Assert.Empty(snapshot.Problems);
    }
}

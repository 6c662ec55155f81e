using Softswitch.Domain;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Config;
using Softswitch.Switch.Numbers;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Routing;

/// <summary>Vendors' number lists and rules in routing: a vendor that refuses the call is skipped, like a full one.</summary>
public sealed class NumberScreenedRouterTests
{
    [Fact]
    public void A_vendor_whose_rule_refuses_the_callee_is_left_out_of_the_plan()
    {
        var snapshot = Snapshot(v1 => v1.Callee.ForbiddenPrefixes = ["44"]);

        var plan = Router(NumberPlanSource.Unconfigured).Plan(Origin(snapshot, "442071234567"), new Random(1));

        Assert.Equal(["v2"], plan.Attempts.Select(a => a.Gateway.Id));
        Assert.Null(plan.Refusal);
    }

    [Fact]
    public void A_vendors_black_list_skips_it_for_listed_callers_only()
    {
        var snapshot = Snapshot(v1 => v1.NumberListIds = ["bl"], v2 => v2.NumberListIds = ["bl"]);
        var numbers = new NumberRows().List("t", "bl", NumberListKind.Black, NumberSide.Caller, ["15550001111"], status: 404).Source();

        var listed = Router(numbers).Plan(Origin(snapshot, "442071234567"), new Random(1));
        var other = Router(numbers).Plan(Origin(snapshot, "442071234567", caller: "15550002222"), new Random(1));

        Assert.Empty(listed.Attempts);
        Assert.Equal(("number-list", 404), (listed.Refusal?.RuleId, listed.Refusal?.Status));
        Assert.Equal(2, other.Attempts.Count);
    }

    [Fact]
    public void When_every_vendor_refuses_the_caller_gets_the_refusal_not_a_routing_failure()
    {
        var snapshot = Snapshot(v1 => v1.Callee.AllowedPrefixes = ["33"], v2 => v2.Callee = new NumberRule { ForbiddenPrefixes = ["4420"], RefusalStatus = 488 });
        var plan = Router(NumberPlanSource.Unconfigured).Plan(Origin(snapshot, "442071234567"), new Random(1));

        var routing = new CallRouting(plan, new CallCapacity(), 5);

        Assert.False(routing.TryStartNext(out _));
        Assert.Equal(403, routing.FinalCode);
        Assert.Equal("callee-prefix", routing.Refusal?.RuleId);
    }

    [Fact]
    public void Vendors_without_number_checks_keep_the_plan_as_it_was()
    {
        var snapshot = Snapshot();
        var origin = Origin(snapshot, "442071234567");

        var plan = Router(new NumberPlanSource(NumberPlan.NotLoaded)).Plan(origin, new Random(1));

        Assert.Equal(2, plan.Attempts.Count);
    }

    private static NumberScreenedRouter Router(INumberPlanSource numbers) => new(PrefixCallRouter.Instance, numbers);

    private static SwitchConfigSnapshot Snapshot(Action<NumberScreening>? v1 = null, Action<NumberScreening>? v2 = null)
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "c").Account("t", "v").Mapping("t", "c", "trunk", ["198.51.100.7"])
            .Routing("t", "v", "v1", priority: 0).Routing("t", "v", "v2", priority: 1).DefaultRouteToAll("t").Build();
        v1?.Invoke(rows.RoutingGateways.Single(g => g.Id == "v1").NumberScreening);
        v2?.Invoke(rows.RoutingGateways.Single(g => g.Id == "v2").NumberScreening);
        return SwitchConfigSnapshot.Create(1, rows);
    }

    private static CallOrigin Origin(SwitchConfigSnapshot snapshot, string callee, string caller = "15550001111")
    {
        var tenant = snapshot.Tenants["t"];
        return new CallOrigin(tenant, tenant.Accounts["c"], tenant.MappingGateways["trunk"], null, caller, callee);
    }
}

using System.Net;
using Softswitch.Domain;
using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Routing;

public sealed class RoutePlannerTests
{
    [Fact]
    public void Callee_is_rewritten_by_the_mapping_gateway_then_by_each_routing_gateway()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c").Account("t", "v")
            .Mapping("t", "c", "in", ["198.51.100.7"], techPrefix: "77", calleeRules: [new RewriteRule { MatchPrefix = "0", Replacement = "44" }])
            .Routing("t", "v", "first", priority: 0, strip: 2, add: "9#")
            .Routing("t", "v", "second", priority: 1, add: "00")
            .Route("t", "uk", "44", ["second", "first"])
            .Snapshot();
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.7"), "7702071234567", out var ingress));

        var plan = RoutePlanner.Plan(snapshot.Tenants["t"], ingress.Gateway, ingress.Callee, new Random(1));

        Assert.Equal("uk", plan.Route?.Id);
        Assert.Equal("442071234567", plan.RoutedCallee);
        Assert.Equal([("first", "9#2071234567"), ("second", "00442071234567")], plan.Attempts.Select(a => (a.Gateway.Id, a.Callee)));
    }

    [Fact]
    public void A_call_without_a_route_is_refused_with_404()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "g").Route("t", "uk", "44", ["g"]).Snapshot();
        var routing = new CallRouting(RoutePlanner.Plan(snapshot.Tenants["t"], null, "33123", new Random(1)), new(), maxAttempts: 3);

        Assert.False(routing.TryStartNext(out _));
        Assert.Equal(404, routing.FinalCode);
    }
}

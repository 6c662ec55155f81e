using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Routing;

public sealed class GatewayOrderTests
{
    [Fact]
    public void Lower_priority_values_are_tried_first()
    {
        var gateways = Gateways(b => b.Routing("t", "v", "p2", priority: 2).Routing("t", "v", "p0", priority: 0).Routing("t", "v", "p1", priority: 1));

        Assert.Equal(["p0", "p1", "p2"], GatewayOrder.Arrange(gateways, new Random(1)).Select(g => g.Id));
    }

    [Fact]
    public void Same_seed_gives_the_same_order()
    {
        var gateways = Gateways(b => b.Routing("t", "v", "a", weight: 1).Routing("t", "v", "b", weight: 1).Routing("t", "v", "c", weight: 1));

        var first = GatewayOrder.Arrange(gateways, new Random(42)).Select(g => g.Id).ToList();
        var second = GatewayOrder.Arrange(gateways, new Random(42)).Select(g => g.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(["a", "b", "c"], first.Order());
    }

    [Fact]
    public void Weights_share_first_place_in_proportion_within_a_priority()
    {
        var gateways = Gateways(b => b
            .Routing("t", "v", "heavy", weight: 70).Routing("t", "v", "light", weight: 20).Routing("t", "v", "tiny", weight: 10)
            .Routing("t", "v", "backup", priority: 5, weight: 100));
        var random = new Random(7);
        var firsts = new Dictionary<string, int>();
        const int Draws = 20_000;

        for (var i = 0; i < Draws; i++)
        {
            var order = GatewayOrder.Arrange(gateways, random);
            Assert.Equal("backup", order[^1].Id);
            firsts[order[0].Id] = firsts.GetValueOrDefault(order[0].Id) + 1;
        }

        // Expected shares 70/20/10 %; ±2 points is over 5 standard deviations at 20,000 draws.
        Assert.InRange(firsts["heavy"] / (double)Draws, 0.68, 0.72);
        Assert.InRange(firsts["light"] / (double)Draws, 0.18, 0.22);
        Assert.InRange(firsts["tiny"] / (double)Draws, 0.08, 0.12);
    }

    [Fact]
    public void Zero_weight_gateways_come_last_in_their_priority()
    {
        var gateways = Gateways(b => b.Routing("t", "v", "zero", weight: 0).Routing("t", "v", "one", weight: 1).Routing("t", "v", "later", priority: 1));

        Assert.Equal(["one", "zero", "later"], GatewayOrder.Arrange(gateways, new Random(3)).Select(g => g.Id));
    }

    private static IReadOnlyList<RoutingGatewayEntry> Gateways(Func<ConfigRows, ConfigRows> add)
    {
        var rows = add(new ConfigRows().Tenant("t").Account("t", "v"));
        var snapshot = rows.Snapshot();
        return snapshot.Tenants["t"].RoutingGateways.Values.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
    }
}

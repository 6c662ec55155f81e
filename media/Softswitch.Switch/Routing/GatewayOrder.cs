using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>
/// The order gateways are tried in: priority ascending; within one priority, a weighted random order (each next
/// gateway drawn with probability weight / remaining weight, like RFC 2782's SRV selection). Gateways with weight 0
/// come last within their priority, in listed order: they take traffic only when the others fail.
/// </summary>
public static class GatewayOrder
{
    public static List<RoutingGatewayEntry> Arrange(IReadOnlyList<RoutingGatewayEntry> gateways, Random random)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(random);
        var ordered = new List<RoutingGatewayEntry>(gateways.Count);
        foreach (var tier in gateways.GroupBy(g => g.Priority).OrderBy(t => t.Key))
        {
            var weighted = tier.Where(g => g.Weight > 0).ToList();
            var total = weighted.Sum(g => (long)g.Weight);
            while (weighted.Count > 0)
            {
                var draw = random.NextInt64(total);
                var index = 0;
                while (draw >= weighted[index].Weight)
                {
                    draw -= weighted[index].Weight;
                    index++;
                }

                ordered.Add(weighted[index]);
                total -= weighted[index].Weight;
                weighted.RemoveAt(index);
            }

            ordered.AddRange(tier.Where(g => g.Weight <= 0));
        }

        return ordered;
    }
}

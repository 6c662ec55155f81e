using Microsoft.Extensions.Time.Testing;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Routing;

/// <summary>Issue 8 §5 for vendors: a routing gateway over its calls a second is skipped like a full one, and its slot is not held.</summary>
public sealed class VendorCallRateTests
{
    [Fact]
    public void A_vendor_over_its_rate_is_skipped_until_its_bucket_refills_and_keeps_no_slot()
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "v")
            .Routing("t", "v", "limited", priority: 0).Routing("t", "v", "spare", priority: 1).Route("t", "uk", "44", ["limited", "spare"]).Build();
        rows.RoutingGateways.Single(g => g.Id == "limited").MaxCallsPerSecond = 2;
        var tenant = Softswitch.Switch.Config.SwitchConfigSnapshot.Create(1, rows).Tenants["t"];
        var clock = new FakeTimeProvider();
        var capacity = new CallCapacity();
        var rates = new CallRateBuckets(clock);

        string First() => Route(tenant, capacity, rates);
        var firstSecond = new[] { First(), First(), First() };
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["limited", "limited", "spare"], firstSecond);
        Assert.Equal(2, capacity.InUse("limited"));
        Assert.Equal("limited", First());
    }

    [Fact]
    public void Without_a_rate_every_call_goes_to_the_first_vendor()
    {
        var tenant = new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "open").Route("t", "uk", "44", ["open"]).Snapshot().Tenants["t"];
        var rates = new CallRateBuckets(new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal("open", Route(tenant, new CallCapacity(), rates)));
    }

    private static string Route(Softswitch.Switch.Config.TenantConfig tenant, CallCapacity capacity, CallRateBuckets rates)
    {
        var routing = new CallRouting(RoutePlanner.Plan(tenant, null, "442071234567", new Random(1)), capacity, maxAttempts: 3, rates);
        Assert.True(routing.TryStartNext(out var attempt));
        return attempt.Gateway.Id;
    }
}

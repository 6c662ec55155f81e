using Microsoft.Extensions.Time.Testing;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Config;
using Softswitch.Switch.Health;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Health;

/// <summary>A vendor whose OPTIONS pings went unanswered is skipped like a full one, so the call fails over at once.</summary>
public sealed class VendorHealthRoutingTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_down_vendor_is_skipped_and_counted_and_the_call_goes_to_the_next()
    {
        var tenant = Tenant(pinged: true);
        var health = Down("dead");

        var routing = Routing(tenant, health);

        Assert.True(routing.TryStartNext(out var attempt));
        Assert.Equal("live", attempt.Gateway.Id);
        Assert.Equal(1, health.SkippedDown);
    }

    [Fact]
    public void When_every_vendor_is_down_no_invite_is_sent_and_the_caller_gets_all_routes_failed()
    {
        var tenant = Tenant(pinged: true);
        var health = Down("dead", "live");

        var routing = Routing(tenant, health);

        Assert.False(routing.TryStartNext(out _));
        Assert.Equal(CallerFinalResponse.NoGatewayAvailable, routing.FinalCode);
        Assert.Empty(routing.Outcomes);
    }

    [Fact]
    public void A_vendor_whose_pinging_is_off_is_never_skipped()
    {
        var tenant = Tenant(pinged: false);
        var health = Down("dead");

        var routing = Routing(tenant, health);

        Assert.True(routing.TryStartNext(out var attempt));
        Assert.Equal("dead", attempt.Gateway.Id);
    }

    private static TenantConfig Tenant(bool pinged)
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "v")
            .Routing("t", "v", "dead", priority: 0).Routing("t", "v", "live", priority: 1).Route("t", "uk", "44", ["dead", "live"]).Build();
        foreach (var gateway in rows.RoutingGateways)
        {
            gateway.OptionsPing = pinged;
        }

        return SwitchConfigSnapshot.Create(1, rows).Tenants["t"];
    }

    private PeerHealthBoard Down(params string[] gateways)
    {
        var health = new PeerHealthBoard(1, _clock);
        foreach (var id in gateways)
        {
            health.Watch(new PeerKey("t", id));
            health.Record(new PeerKey("t", id), answered: false);
        }

        return health;
    }

    private CallRouting Routing(TenantConfig tenant, PeerHealthBoard health) =>
        new(RoutePlanner.Plan(tenant, null, "442071234567", new Random(1)), new CallCapacity(), maxAttempts: 3, new CallRateBuckets(_clock), health);
}

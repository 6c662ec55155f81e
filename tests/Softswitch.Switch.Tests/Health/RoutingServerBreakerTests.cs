using Microsoft.Extensions.Time.Testing;
using Softswitch.Switch.Health;

namespace Softswitch.Switch.Tests.Health;

public sealed class RoutingServerBreakerTests
{
    private static readonly PeerKey Server = new("t1", "sip:192.0.2.50:5070");
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Consecutive_failures_open_the_circuit_for_the_cool_down()
    {
        var breaker = new RoutingServerBreaker(3, TimeSpan.FromSeconds(30), _clock);
        breaker.Failed(Server);
        breaker.Failed(Server);
        Assert.True(breaker.TryPass(Server));

        breaker.Failed(Server);

        Assert.False(breaker.TryPass(Server));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(breaker.TryPass(Server));
        Assert.Equal((1, 2), (breaker.Opened, breaker.Skipped));
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var breaker = new RoutingServerBreaker(2, TimeSpan.FromSeconds(30), _clock);
        breaker.Failed(Server);
        breaker.Succeeded(Server);
        breaker.Failed(Server);

        Assert.True(breaker.TryPass(Server));
        Assert.Equal(BreakerState.Closed, breaker.StateOf(Server));
    }

    [Fact]
    public void After_the_cool_down_one_query_probes_and_its_success_closes_the_circuit()
    {
        var breaker = Open();
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(breaker.TryPass(Server));
        Assert.False(breaker.TryPass(Server));
        breaker.Succeeded(Server);

        Assert.True(breaker.TryPass(Server));
        Assert.True(breaker.TryPass(Server));
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_cool_down()
    {
        var breaker = Open();
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryPass(Server));

        breaker.Failed(Server);

        Assert.False(breaker.TryPass(Server));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryPass(Server));
        Assert.Equal(2, breaker.Opened);
    }

    [Fact]
    public void An_abandoned_probe_lets_the_next_query_probe()
    {
        var breaker = Open();
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(breaker.TryPass(Server));

        breaker.Abandoned(Server);

        Assert.True(breaker.TryPass(Server));
    }

    [Fact]
    public void One_tenants_failures_never_open_another_tenants_circuit_to_the_same_server()
    {
        var breaker = Open();

        Assert.True(breaker.TryPass(Server with { TenantId = "t2" }));
    }

    private RoutingServerBreaker Open()
    {
        var breaker = new RoutingServerBreaker(1, TimeSpan.FromSeconds(30), _clock);
        breaker.Failed(Server);
        Assert.False(breaker.TryPass(Server));
        return breaker;
    }
}

using Softswitch.Switch.Capacity;
using Softswitch.Switch.Routing;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Routing;

public sealed class FailoverTests
{
    [Theory]
    [InlineData(408, FailoverDecision.Failover)]
    [InlineData(500, FailoverDecision.Failover)]
    [InlineData(503, FailoverDecision.Failover)]
    [InlineData(486, FailoverDecision.Stop)]
    [InlineData(600, FailoverDecision.Stop)]
    [InlineData(603, FailoverDecision.Stop)]
    [InlineData(604, FailoverDecision.Stop)]
    [InlineData(404, FailoverDecision.ReturnToCaller)]
    [InlineData(302, FailoverDecision.ReturnToCaller)]
    public void Default_codes_decide_failover_stop_or_return(int code, FailoverDecision expected)
    {
        var gateway = Plan(b => b.Routing("t", "v", "g")).Attempts[0].Gateway;

        Assert.Equal(expected, FailoverPolicy.Decide(gateway, code));
    }

    [Fact]
    public void Gateway_lists_override_the_defaults_and_empty_lists_use_them()
    {
        var plan = Plan(b => b.Routing("t", "v", "custom", failover: [404], stop: [503]).Routing("t", "v", "empty", priority: 1, failover: [], stop: []));
        var custom = plan.Attempts[0].Gateway;
        var empty = plan.Attempts[1].Gateway;

        Assert.Equal(FailoverDecision.Failover, FailoverPolicy.Decide(custom, 404));
        Assert.Equal(FailoverDecision.Stop, FailoverPolicy.Decide(custom, 503));
        Assert.Equal(FailoverDecision.ReturnToCaller, FailoverPolicy.Decide(custom, 502));
        Assert.Equal(FailoverDecision.Failover, FailoverPolicy.Decide(empty, 502));
        Assert.Equal(FailoverDecision.Stop, FailoverPolicy.Decide(empty, 486));
    }

    [Fact]
    public void Failover_moves_to_the_next_gateway_and_a_stop_code_ends_the_call_with_it()
    {
        var routing = Routing(b => b.Routing("t", "v", "a", priority: 0).Routing("t", "v", "b", priority: 1).Routing("t", "v", "c", priority: 2));

        Assert.True(routing.TryStartNext(out var first));
        Assert.Equal(FailoverDecision.Failover, routing.Fail(503));
        Assert.True(routing.TryStartNext(out var second));
        Assert.Equal(FailoverDecision.Stop, routing.Fail(486));
        Assert.False(routing.TryStartNext(out _));

        Assert.Equal(("a", "b"), (first.Gateway.Id, second.Gateway.Id));
        Assert.Equal(486, routing.FinalCode);
        Assert.Equal([503, 486], routing.Outcomes.Select(o => o.StatusCode));
    }

    [Fact]
    public void Attempts_stop_at_the_limit()
    {
        var routing = Routing(b => b.Routing("t", "v", "a", priority: 0).Routing("t", "v", "b", priority: 1).Routing("t", "v", "c", priority: 2), maxAttempts: 2);

        routing.TryStartNext(out _);
        routing.Fail(502);
        routing.TryStartNext(out _);
        routing.Fail(503);

        Assert.False(routing.TryStartNext(out _));
        Assert.Equal(2, routing.Outcomes.Count);
        Assert.Equal(502, routing.FinalCode);
    }

    [Fact]
    public void Full_gateways_are_skipped_and_none_free_means_503()
    {
        var capacity = new CallCapacity();
        Assert.True(capacity.TryAcquire("a", 1));
        var routing = Routing(b => b.Routing("t", "v", "a", priority: 0, maxCalls: 1).Routing("t", "v", "b", priority: 1, maxCalls: 1), capacity: capacity);
        var other = Routing(b => b.Routing("t", "v", "a", priority: 0, maxCalls: 1).Routing("t", "v", "b", priority: 1, maxCalls: 1), capacity: capacity);

        Assert.True(routing.TryStartNext(out var attempt));
        Assert.False(other.TryStartNext(out _));

        Assert.Equal("b", attempt.Gateway.Id);
        Assert.Equal(503, other.FinalCode);
        Assert.Empty(other.Outcomes);
    }

    [Fact]
    public void Failed_attempts_free_their_slot_and_answered_calls_hold_it_until_the_end()
    {
        var capacity = new CallCapacity();
        var routing = Routing(b => b.Routing("t", "v", "a", priority: 0).Routing("t", "v", "b", priority: 1), capacity: capacity);

        routing.TryStartNext(out _);
        var duringFirst = capacity.InUse("a");
        routing.Fail(503);
        routing.TryStartNext(out _);
        var slot = routing.Answer();
        routing.End();
        var whileAnswered = (capacity.InUse("a"), capacity.InUse("b"));
        slot.Release();

        Assert.Equal(1, duringFirst);
        Assert.Equal((0, 1), whileAnswered);
        Assert.Equal(0, capacity.InUse("b"));
        Assert.Null(routing.FinalCode);
    }

    [Theory]
    [InlineData(new[] { 503, 503 }, 500)]
    [InlineData(new[] { 408, 408, 408 }, 408)]
    [InlineData(new[] { 408, 480, 503 }, 480)]
    [InlineData(new[] { 500, 404, 484 }, 484)]
    [InlineData(new[] { 502, 407 }, 407)]
    [InlineData(new[] { 500, 603, 404 }, 603)]
    [InlineData(new[] { 502, 504 }, 502)]
    [InlineData(new int[0], 503)]
    public void Caller_gets_the_best_failure_when_all_attempts_fail(int[] codes, int expected)
    {
        Assert.Equal(expected, CallerFinalResponse.Choose(codes));
    }

    private static RoutePlan Plan(Func<ConfigRows, ConfigRows> add)
    {
        var snapshot = add(new ConfigRows().Tenant("t").Account("t", "v")).DefaultRouteToAll("t").Snapshot();
        return RoutePlanner.Plan(snapshot.Tenants["t"], null, "4420", new Random(1));
    }

    private static CallRouting Routing(Func<ConfigRows, ConfigRows> add, int maxAttempts = 5, CallCapacity? capacity = null) =>
        new(Plan(add), capacity ?? new CallCapacity(), maxAttempts);
}

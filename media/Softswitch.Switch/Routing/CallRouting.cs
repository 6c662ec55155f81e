using Softswitch.Switch.Capacity;
using Softswitch.Switch.Health;

namespace Softswitch.Switch.Routing;

/// <summary>
/// Walks a <see cref="RoutePlan"/> for one call: hands out the next gateway that has a free call slot and, when it
/// limits its call rate, a token of its bucket (a vendor over its rate is skipped like a full one), applies the
/// failover policy to each failure, stops after the attempt limit, and knows the caller's final status.
/// Not thread-safe: one call's signalling is handled in order.
/// </summary>
public sealed class CallRouting
{
    private readonly RoutePlan _plan;
    private readonly CallCapacity _capacity;
    private readonly CallRateBuckets? _vendorRates;
    private readonly PeerHealthBoard? _health;
    private readonly int _maxAttempts;
    private readonly List<AttemptOutcome> _outcomes = [];
    private int _next;
    private RouteAttempt? _current;
    private bool _answered;
    private int? _finalCode;

    /// <param name="health">OPTIONS health of the vendors: a down vendor is skipped like a full one (and counted).</param>
    public CallRouting(RoutePlan plan, CallCapacity capacity, int maxAttempts, CallRateBuckets? vendorRates = null, PeerHealthBoard? health = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _plan = plan;
        _capacity = capacity;
        _maxAttempts = maxAttempts;
        _vendorRates = vendorRates;
        _health = health;
    }

    /// <summary>Every INVITE sent so far and its final status (0 while the attempt is pending or answered).</summary>
    public IReadOnlyList<AttemptOutcome> Outcomes => _outcomes;

    /// <summary>Set once routing has ended without an answer: the status to send the caller.</summary>
    public int? FinalCode => _finalCode;

    /// <summary>The plan's number refusal, when every vendor of the route refused the call.</summary>
    public Numbers.NumberRefusal? Refusal => _plan.Refusal;

    /// <summary>
    /// The next gateway to send the INVITE to, with one of its call slots taken. False when routing is over: then
    /// <see cref="FinalCode"/> holds the caller's answer.
    /// </summary>
    public bool TryStartNext(out RouteAttempt attempt)
    {
        if (_current is not null || _answered)
        {
            throw new InvalidOperationException("The current attempt has not failed yet.");
        }

        attempt = null!;
        if (_finalCode is not null)
        {
            return false;
        }

        if (!_plan.HasRoute)
        {
            _finalCode = CallerFinalResponse.NoRoute;
            return false;
        }

        if (_plan.Refusal is { } refusal)
        {
            _finalCode = refusal.Status;
            return false;
        }

        while (_outcomes.Count < _maxAttempts && _next < _plan.Attempts.Count)
        {
            var candidate = _plan.Attempts[_next++];
            if (_health is not null && candidate.Gateway.OptionsPing && _health.IsDown(new PeerKey(candidate.Gateway.TenantId, candidate.Gateway.Id)))
            {
                _health.Skipped();
                continue;
            }

            if (!_capacity.TryAcquire(candidate.Gateway.Id, candidate.Gateway.MaxConcurrentCalls))
            {
                continue;
            }

            if (_vendorRates is not null && !_vendorRates.TryTake(candidate.Gateway.Id, candidate.Gateway.MaxCallsPerSecond))
            {
                _capacity.Release(candidate.Gateway.Id);
                continue;
            }

            _current = attempt = candidate;
            _outcomes.Add(new AttemptOutcome(candidate, 0));
            return true;
        }

        _finalCode = CallerFinalResponse.Choose(_outcomes.Select(o => o.StatusCode).ToList());
        return false;
    }

    /// <summary>Records the current attempt's final failure (3xx-6xx; 408 for a local timeout) and frees its slot.</summary>
    public FailoverDecision Fail(int statusCode)
    {
        var attempt = _current ?? throw new InvalidOperationException("No attempt is in progress.");
        var decision = FailoverPolicy.Decide(attempt.Gateway, statusCode);
        _outcomes[^1] = _outcomes[^1] with { StatusCode = statusCode };
        _current = null;
        _capacity.Release(attempt.Gateway.Id);
        if (decision != FailoverDecision.Failover)
        {
            _finalCode = statusCode;
        }

        return decision;
    }

    /// <summary>
    /// The current attempt answered: routing is over, and the attempt's slot passes to the caller, which releases it
    /// when the call ends. The answered call keeps that slot alone, not the plan.
    /// </summary>
    public CapacitySlot Answer()
    {
        var attempt = _current ?? throw new InvalidOperationException("No attempt is in progress.");
        _outcomes[^1] = _outcomes[^1] with { StatusCode = 200 };
        _current = null;
        _answered = true;
        return new CapacitySlot(_capacity, attempt.Gateway.Id);
    }

    /// <summary>The call is over unanswered (abandoned mid-attempt): frees the slot of the attempt in progress.</summary>
    public void End()
    {
        if (_current is { } attempt)
        {
            _current = null;
            _capacity.Release(attempt.Gateway.Id);
        }
    }
}

/// <summary>One INVITE sent during routing and its final status.</summary>
public readonly record struct AttemptOutcome(RouteAttempt Attempt, int StatusCode);

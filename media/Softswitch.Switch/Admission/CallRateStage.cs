using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The signalling rate limits of issue 8 §5: new calls a second per customer trunk and per account (over all its trunks
/// and phones), each a token bucket. Past either, 503 with Retry-After: 1, so the customer's switch slows down and tries
/// again rather than failing the call over to a competitor for a limit that clears within the second.
/// </summary>
internal sealed class CallRateStage(CallRateBuckets buckets) : IAdmissionStage
{
    public string Name => "call-rate";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("The call rate is checked after ingress.");
        if (origin.Gateway is { } trunk && !buckets.TryTake(trunk.Id, trunk.MaxCallsPerSecond))
        {
            return new(Refuse(context, "Trunk call rate limit reached", trunk.MaxCallsPerSecond!.Value, $"mapping gateway {trunk.Id}"));
        }

        return buckets.TryTake(origin.Account.Id, origin.Account.MaxCallsPerSecond)
            ? new(AdmissionDecision.Continue)
            : new(Refuse(context, "Account call rate limit reached", origin.Account.MaxCallsPerSecond!.Value, $"account {origin.Account.Id}"));
    }

    // An empty bucket means the limit's worth of calls was taken within the last second.
    private AdmissionDecision Refuse(AdmissionContext context, string reason, int limit, string limited)
    {
        var slow = context.Transaction.CreateResponse(503);
        slow.Headers.Add(SipHeaderKind.RetryAfter, "1");
        slow.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(503), reason));
        return AdmissionDecision.Reject(slow, Name, new RefusalEvidence(limit, limit, TimeSpan.FromSeconds(1), $"{reason}: {limited}"));
    }
}

using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The trunk's or phone's concurrent-call limit (VOS3000's "max concurrent calls"): beyond it, 503 with Retry-After.
/// Needs the origin, so it runs after <see cref="IngressStage"/>.
/// </summary>
internal sealed class IngressCapacityStage(CallCapacity capacity, B2buaOptions options, B2buaCounters counters) : IReservingAdmissionStage
{
    private readonly string _retryAfter = ((int)options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public string Name => "ingress-capacity";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("Ingress capacity runs after ingress.");
        if (capacity.TryAcquire(origin.CapacityKey, origin.CapacityLimit))
        {
            return new(AdmissionDecision.Continue);
        }

        const string reason = "Ingress concurrent call limit reached";
        counters.Overload();
        var busy = context.Transaction.CreateResponse(503);
        busy.Headers.Add(SipHeaderKind.RetryAfter, _retryAfter);
        busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(503), reason));
        var ingress = origin.Gateway is not null ? "mapping gateway" : "phone";
        var evidence = new RefusalEvidence(capacity.InUse(origin.CapacityKey), origin.CapacityLimit!.Value, TimeSpan.Zero, $"{reason}: {ingress} {origin.CapacityKey}");
        return new(AdmissionDecision.Reject(busy, Name, evidence));
    }

    public void Release(AdmissionContext context) => capacity.Release(context.Origin!.CapacityKey);
}

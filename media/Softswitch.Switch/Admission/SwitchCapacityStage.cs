using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Admission;

/// <summary>The switch-wide call limit (<see cref="B2buaOptions.MaxActiveCalls"/>): beyond it, 503 with Retry-After.</summary>
internal sealed class SwitchCapacityStage(B2buaOptions options, B2buaCounters counters) : IReservingAdmissionStage
{
    private readonly string _retryAfter = ((int)options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public string Name => "switch-capacity";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        if (counters.TryStartCall(options.MaxActiveCalls))
        {
            return new(AdmissionDecision.Continue);
        }

        counters.Overload();
        var busy = context.Transaction.CreateResponse(503);
        busy.Headers.Add(SipHeaderKind.RetryAfter, _retryAfter);
        busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Sip(503, "Switch overloaded"));
        return new(AdmissionDecision.Reject(busy, Name));
    }

    public void Release(AdmissionContext context) => counters.CallEnded();
}

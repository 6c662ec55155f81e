using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// No call is accepted that could not be recorded: while the CDR spool cannot make records durable (disk full,
/// I/O errors), new INVITEs get 503 with Retry-After. It runs before ingress so a refused call costs no digest
/// challenge; calls already up are unaffected and end normally.
/// </summary>
internal sealed class CdrDurabilityStage(ICdrSink cdrs, B2buaOptions options, B2buaCounters counters) : IAdmissionStage
{
    private readonly string _retryAfter = ((int)options.OverloadRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public string Name => "cdr-durability";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        if (cdrs.CanRecord)
        {
            return new(AdmissionDecision.Continue);
        }

        counters.CdrStorageUnavailable();
        var busy = context.Transaction.CreateResponse(503);
        busy.Headers.Add(SipHeaderKind.RetryAfter, _retryAfter);
        busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Sip(503, "CDR storage unavailable"));
        return new(AdmissionDecision.Reject(busy, Name));
    }
}

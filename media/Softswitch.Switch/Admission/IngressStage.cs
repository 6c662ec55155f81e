using Microsoft.Extensions.Logging;
using Softswitch.Switch.Calls;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Who the call belongs to: a tenant's phone (digest, 407) or a mapping gateway matched by source address and tech
/// prefix (<see cref="CallIngress"/>). Refusals are 403 (400 for credentials naming another URI) and counted for
/// the anti-fraud layer.
/// </summary>
internal sealed class IngressStage(CallIngress ingress, B2buaCounters counters, ILogger logger) : IAdmissionStage
{
    public string Name => "ingress";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var admitting = ingress.AdmitAsync(context.Snapshot, context.Request);
        return admitting.IsCompletedSuccessfully ? new(Decide(context, admitting.Result)) : DecideAsync(context, admitting);
    }

    private async ValueTask<AdmissionDecision> DecideAsync(AdmissionContext context, ValueTask<IngressVerdict> admitting) =>
        Decide(context, await admitting.ConfigureAwait(false));

    private AdmissionDecision Decide(AdmissionContext context, IngressVerdict verdict)
    {
        if (verdict.Origin is { } origin)
        {
            context.Origin = origin;
            return AdmissionDecision.Continue;
        }

        if (verdict.Unavailable)
        {
            return AdmissionDecision.Reject(verdict.Response!, "ingress-digest-budget");
        }

        if (!verdict.Forbidden)
        {
            return AdmissionDecision.Challenge(verdict.Response!, Name);
        }

        if (verdict.Ambiguous)
        {
            counters.AmbiguousIngress();
        }

        counters.Forbidden();
        // Debug, not Information: a scanner's flood of INVITEs must not become a flood of log lines; the counters tell.
        logger.LogDebug("Refused INVITE {CallId} from {Source}: {Reason}", context.Request.CallId, context.Request.Source, verdict.Response!.ReasonPhrase);
        return AdmissionDecision.Reject(verdict.Response!, verdict.Ambiguous ? "ingress-ambiguous" : Name);
    }
}

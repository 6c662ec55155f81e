namespace Softswitch.Switch.Admission;

/// <summary>RFC 3261 §16.3 step 3 (RFC 7332 for B2BUAs): an INVITE with no hops left gets 483; otherwise one is taken off.</summary>
internal sealed class MaxForwardsStage : IAdmissionStage
{
    public string Name => "max-forwards";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context) =>
        new(context.Request.TryDecrementMaxForwards()
            ? AdmissionDecision.Continue
            : AdmissionDecision.Reject(context.Transaction.CreateResponse(483), Name));
}

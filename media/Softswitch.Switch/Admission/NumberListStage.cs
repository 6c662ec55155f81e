using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The black and white lists assigned to the customer trunk (issue 8 §3, VOS3000 "black/white list group"): a black
/// list refuses the numbers it holds, a white list all others. Numbers are read after the trunk's rewrite rules.
/// Refused with the list's status (403 by default), rule <c>number-list</c>.
/// </summary>
internal sealed class NumberListStage(INumberPlanSource numbers) : IAdmissionStage
{
    public string Name => "number-lists";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("Number lists are checked after ingress.");
        if (origin.Gateway is not { Screening.HasLists: true } trunk)
        {
            return new(AdmissionDecision.Continue);
        }

        var refusal = trunk.Screening.CheckLists(
            NumberRefusalResponse.Caller(origin), NumberRefusalResponse.Callee(origin), numbers.Current.For(origin.Tenant.TenantId));
        return new(refusal.Refuses ? NumberRefusalResponse.Reject(context, refusal) : AdmissionDecision.Continue);
    }
}

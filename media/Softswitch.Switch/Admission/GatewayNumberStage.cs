using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The customer trunk's number rules (issue 8 §3): caller length limits (<c>caller-length</c>), caller and callee
/// allowed/forbidden prefixes and number groups (<c>caller-prefix</c>, <c>callee-prefix</c>) and forbidden number
/// classes (<c>number-class</c>). Numbers are read after the trunk's rewrite rules.
/// </summary>
internal sealed class GatewayNumberStage(INumberPlanSource numbers) : IAdmissionStage
{
    public string Name => "gateway-numbers";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("Number rules are checked after ingress.");
        if (origin.Gateway is not { Screening.HasRules: true } trunk)
        {
            return new(AdmissionDecision.Continue);
        }

        var refusal = trunk.Screening.CheckRules(
            NumberRefusalResponse.Caller(origin), NumberRefusalResponse.Callee(origin), numbers.Current.For(origin.Tenant.TenantId));
        return new(refusal.Refuses ? NumberRefusalResponse.Reject(context, refusal) : AdmissionDecision.Continue);
    }
}

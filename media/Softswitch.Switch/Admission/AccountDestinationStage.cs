using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The account's destination authorisation (issue 8 §3), for its trunks and phones alike: allowed and forbidden callee
/// prefixes and groups (<c>account-destination</c>), forbidden number classes and "block international" / "block
/// premium" (<c>number-class</c>).
/// </summary>
internal sealed class AccountDestinationStage(INumberPlanSource numbers) : IAdmissionStage
{
    public string Name => "account-destination";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("Destinations are checked after ingress.");
        var rule = origin.Account.Destinations;
        if (rule.IsEmpty)
        {
            return new(AdmissionDecision.Continue);
        }

        var refusal = AccountDestinations.Check(
            rule, NumberRefusalResponse.Callee(origin), rule.NeedsPlan ? numbers.Current.For(origin.Tenant.TenantId) : null);
        return new(refusal.Refuses ? NumberRefusalResponse.Reject(context, refusal) : AdmissionDecision.Continue);
    }
}

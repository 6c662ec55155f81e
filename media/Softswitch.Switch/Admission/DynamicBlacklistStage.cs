using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The dynamic blacklist (issue 8 §4; VOS3000 SS_BLACK_LIST_*): refuses a call whose caller, callee or account is on
/// its tenant's blacklist, then counts it under the tenant's rules, which may blacklist the caller or callee there
/// and then. Refused with the rule's status (403 by default) and a Reason naming the rule. Reserving: a caller
/// concurrency rule holds the call's place until it ends or a later stage refuses it.
/// </summary>
internal sealed class DynamicBlacklistStage(DynamicBlacklist blacklist, TimeProvider time) : IReservingAdmissionStage
{
    public const string StageName = "dynamic-blacklist";

    public string Name => StageName;

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("The dynamic blacklist is checked after ingress.");
        if (blacklist.For(origin.Tenant.TenantId) is not { } tenant)
        {
            return new(AdmissionDecision.Continue);
        }

        var decision = tenant.Admit(Facts(origin, context.Request.CallId), time.GetUtcNow());
        if (!decision.Refused)
        {
            return new(AdmissionDecision.Continue);
        }

        var code = decision.ResponseCode;
        var refused = context.Transaction.CreateResponse(code);
        refused.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(code), ReasonText(decision)));
        return new(AdmissionDecision.Reject(refused, Name));
    }

    public void Release(AdmissionContext context)
    {
        if (context.Origin is { } origin)
        {
            blacklist.For(origin.Tenant.TenantId)?.Release(Facts(origin, ""));
        }
    }

    /// <summary>Names the rule by id (never by its operator-given name, which is not ours to put in a header) and the subject blocked.</summary>
    public static string ReasonText(BlacklistDecision decision) => decision.Rule is { } rule
        ? $"Dynamic blacklist: {decision.Key.Subject} blocked by rule {rule.Id} ({rule.Kind})"
        : $"Dynamic blacklist: {decision.Key.Subject} blocked";

    private static CallFacts Facts(CallOrigin origin, string callId) =>
        new(callId, origin.Gateway?.Id, origin.Account.Id, origin.Caller, origin.Callee);
}

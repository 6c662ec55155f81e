using Softswitch.Sip.Messages;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Admission;

/// <summary>The answer to a call the number layer refuses: its status, a Reason naming the rule, Retry-After on 503.</summary>
internal static class NumberRefusalResponse
{
    public static AdmissionDecision Reject(AdmissionContext context, NumberRefusal refusal)
    {
        var response = context.Transaction.CreateResponse(refusal.Status);
        if (refusal.Status == 503)
        {
            response.Headers.Add(SipHeaderKind.RetryAfter, "1");
        }

        response.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(refusal.Status), refusal.Reason!));
        return AdmissionDecision.Reject(response, refusal.RuleId!);
    }

    /// <summary>The caller as the trunk's caller rewrite rules leave it, the number the call goes out with.</summary>
    public static string Caller(CallOrigin origin) => origin.Gateway?.RewriteCaller(origin.Caller) ?? origin.Caller;

    /// <summary>The callee as the trunk's callee rewrite rules leave it, the number routing reads.</summary>
    public static string Callee(CallOrigin origin) => origin.Gateway?.RewriteCallee(origin.Callee) ?? origin.Callee;
}

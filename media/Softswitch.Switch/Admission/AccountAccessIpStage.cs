using Softswitch.Switch.Calls;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// Account IP binding (VOS3000 SS_ACCESS_IP_CHECK): an account with access IPs places calls only from those addresses,
/// whichever of its trunks or phones the INVITE names, so a phone password that leaked is of no use from anywhere
/// else. An account without access IPs is not bound. Refused with 403; needs the origin, so it runs after ingress.
/// </summary>
internal sealed class AccountAccessIpStage : IAdmissionStage
{
    public const string ReasonText = "Source address not allowed for the account";

    public string Name => "account-access-ip";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var origin = context.Origin ?? throw new InvalidOperationException("The account binding is checked after ingress.");
        if (origin.Account.Admits(context.Transaction.Remote.EndPoint.Address))
        {
            return new(AdmissionDecision.Continue);
        }

        var refused = context.Transaction.CreateResponse(403);
        refused.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(403), ReasonText));
        var evidence = new RefusalEvidence(1, 0, TimeSpan.Zero, $"{ReasonText}: account {origin.Account.Id}, source {context.Transaction.Remote.EndPoint.Address}");
        return new(AdmissionDecision.Reject(refused, Name, evidence));
    }
}

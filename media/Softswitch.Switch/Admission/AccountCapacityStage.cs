using Softswitch.Switch.Calls;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The account's concurrent-call cap (VOS3000 SS_MAXCONCURRENTCALL, per account), over all its trunks and phones, next
/// to each trunk's and phone's own. Past it, 480 Temporarily Unavailable: the account is busy, not the switch, and a 503
/// would make an RFC 3263 client back off from the whole switch.
/// </summary>
internal sealed class AccountCapacityStage(CallCapacity capacity) : IReservingAdmissionStage
{
    public string Name => "account-capacity";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var account = (context.Origin ?? throw new InvalidOperationException("Account capacity runs after ingress.")).Account;
        if (capacity.TryAcquire(account.Id, account.MaxConcurrentCalls))
        {
            return new(AdmissionDecision.Continue);
        }

        const string reason = "Account concurrent call limit reached";
        var busy = context.Transaction.CreateResponse(480);
        busy.Headers.Add(ReasonHeader.Name, ReasonHeader.Q850(Q850Cause.FromSipStatus(480), reason));
        var evidence = new RefusalEvidence(capacity.InUse(account.Id), account.MaxConcurrentCalls!.Value, TimeSpan.Zero, $"{reason}: account {account.Id}");
        return new(AdmissionDecision.Reject(busy, Name, evidence));
    }

    public void Release(AdmissionContext context) => capacity.Release(context.Origin!.Account.Id);
}

using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>Parallel forking to a phone's contacts: every branch rings at once and the first 2xx takes the call.</summary>
internal sealed partial class Call
{
    private ParallelFork<VendorLeg>? _fork;

    /// <summary>The leg is the attempt in progress, or one of the branches of a parallel fork still ringing.</summary>
    private bool IsRinging(VendorLeg vendor) => vendor == _current || (_fork?.Contains(vendor) ?? false);

    private void RingInParallel(PhoneRinging phone)
    {
        var contacts = phone.Target.Contacts;
        var count = ParallelFork<VendorLeg>.BranchCount(contacts.Count, _services.Options.MaxAttempts - _invitesSent);
        if (count == 0)
        {
            FailCaller(CallerFinalResponse.Choose(_record.AttemptCodes), null, "Phone did not answer", HangupSide.Callee);
            return;
        }

        _fork = new ParallelFork<VendorLeg>();
        for (var i = 0; i < count; i++)
        {
            var contact = contacts[i];
            _invitesSent++;
            var cdrIndex = _record.AddAttempt(phone.Target.Phone.Id, contact.Uri.User ?? "", _services.Time.GetUtcNow());
            SendTo(null, contact.Uri, contact.Source, cdrIndex, _services.Options.TimerC);
        }
    }

    private void OnBranchFailed(VendorLeg branch, int status, SipResponse? response)
    {
        _record.SetAttemptCode(branch.CdrIndex, status);
        if (_fork!.Fail(branch, status) is not { } final)
        {
            return;
        }

        CancelBranches();
        if (final >= 600)
        {
            // RFC 3261 §16.7 step 5: a 6xx ends the search; the branches still ringing are cancelled.
            FailCaller(final, response, "Declined by phone", HangupSide.Callee);
            return;
        }

        FailCaller(final, null, "Phone did not answer", HangupSide.Callee);
    }

    /// <summary>RFC 3261 §16.7 step 10 / §16.10: the first 2xx takes the call, so every other branch is cancelled.</summary>
    private void CancelOtherBranches(VendorLeg winner)
    {
        if (_fork is { } fork)
        {
            _fork = null;
            Cancel(fork.Answer(winner));
        }
    }

    /// <summary>Ends the fork, cancelling the branches still ringing (the caller cancelled, a 6xx, the switch ended the call).</summary>
    private void CancelBranches()
    {
        if (_fork is { } fork)
        {
            _fork = null;
            Cancel(fork.TakePending());
        }
    }

    private void Cancel(IReadOnlyList<VendorLeg> branches)
    {
        foreach (var branch in branches)
        {
            // A 2xx that crosses the CANCEL finds the branch abandoned and gets ACK and BYE (RFC 3261 §13.2.2.4).
            branch.Abandon(_services.Layer);
            _record.SetAttemptCode(branch.CdrIndex, 487);
        }
    }
}

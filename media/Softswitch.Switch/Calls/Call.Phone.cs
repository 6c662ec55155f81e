using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Calls to a registered phone: its contacts ring one after another (sequential forking) or all at once (parallel
/// forking, <see cref="ParallelFork{TBranch}"/>), each INVITE sent to the NAT source the contact registered from, each
/// guarded by its own Timer C. A call holds one of the phone's lines (its line count) from the first INVITE to its end.
/// Gateway-only features (vendor capacity and call rate, number rules, geofences, vendor rating, recursion on 3xx) do
/// not apply to a phone's contacts.
/// </summary>
internal sealed partial class Call
{
    /// <summary>The caller's answer when the callee's phone is not registered and has no offline redirect gateway.</summary>
    private const int PhoneOffline = 480;

    /// <summary>The caller's answer when the phone already has as many calls as its line count allows.</summary>
    private const int PhoneBusy = 486;

    private PhoneRinging? _phone;
    private string? _phoneLine;

    /// <summary>Rings the phone's next contact, or ends the call when none is left; false when the offline redirect gateway takes the call.</summary>
    private bool RingPhone(PhoneRinging phone)
    {
        if (phone.Redirected)
        {
            return false;
        }

        if (phone.Target.Contacts.Count == 0)
        {
            FailCaller(PhoneOffline, null, "Phone not registered", HangupSide.Switch);
            return true;
        }

        if (!TakePhoneLine(phone.Target.Phone))
        {
            FailCaller(PhoneBusy, null, "Phone line count reached", HangupSide.Switch);
            return true;
        }

        if (phone.Target.Phone.ForkMode == ForkMode.Parallel)
        {
            RingInParallel(phone);
            return true;
        }

        if (_invitesSent < _services.Options.MaxAttempts && phone.TryNext(out var contact))
        {
            _invitesSent++;
            var cdrIndex = _record.AddAttempt(phone.Target.Phone.Id, contact.Uri.User ?? "", _services.Time.GetUtcNow());
            SendTo(null, contact.Uri, contact.Source, cdrIndex, _services.Options.TimerC);
            return true;
        }

        FailCaller(CallerFinalResponse.Choose(_record.AttemptCodes), null, "Phone did not answer", HangupSide.Callee);
        return true;
    }

    /// <summary>Takes one of the phone's lines for this call, once; false when all are in use.</summary>
    private bool TakePhoneLine(Config.PhoneEntry phone)
    {
        if (_phoneLine is not null)
        {
            return true;
        }

        if (!_services.PhoneLines.TryAcquire(phone.Id, phone.MaxIncomingCalls))
        {
            return false;
        }

        _phoneLine = phone.Id;
        return true;
    }

    private void ReleasePhoneLine()
    {
        if (_phoneLine is { } id)
        {
            _phoneLine = null;
            _services.PhoneLines.Release(id);
        }
    }

    private void OnPhoneContactFailed(int statusCode, SipResponse? response)
    {
        _current = null;
        if (statusCode >= 600)
        {
            // RFC 3261 §16.7 step 5: a 6xx ends the search; the other contacts are not tried.
            FailCaller(statusCode, response, "Declined by phone", HangupSide.Callee);
            return;
        }

        NextGateway();
    }
}

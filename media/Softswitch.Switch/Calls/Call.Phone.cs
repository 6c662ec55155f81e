using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Calls to a registered phone: its contacts ring one after another (sequential forking), each INVITE sent to the
/// NAT source the contact registered from, each guarded by Timer C. Gateway-only features (vendor capacity and call
/// rate, number rules, geofences, vendor rating, recursion on 3xx) do not apply to a phone's contacts.
/// </summary>
internal sealed partial class Call
{
    /// <summary>The caller's answer when the callee's phone is not registered and has no offline redirect gateway.</summary>
    private const int PhoneOffline = 480;

    private PhoneRinging? _phone;

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

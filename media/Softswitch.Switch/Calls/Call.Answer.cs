using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Capacity;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>The answer: the vendor's dialog is confirmed, the caller gets the 2xx, and the call's limits start.</summary>
internal sealed partial class Call
{
    private VendorLeg? _answered;
    private CapacitySlot? _answeredSlot;
    private SipRequest? _heldAck;
    private ITimer? _durationTimer;

    private void OnAnswered(VendorLeg vendor, SipResponse response)
    {
        _answered = vendor;
        _current = null;
        _answeredSlot = vendor.Gateway is null ? null : _routing!.Answer();
        _routing = null;
        _redirects = null;
        _record.SetAttemptCode(vendor.CdrIndex, 200);
        _record.SetCalleeSent(_record.AttemptCallee(vendor.CdrIndex));
        vendor.Confirm(response);
        var leg = vendor.Dialog;

        // With an offer in the INVITE the vendor's ACK carries nothing and goes now; with a late offer (the 2xx
        // holds the offer) the ACK must carry the caller's answer, so it waits for the caller's ACK (RFC 3264 §4).
        var ack = leg.CreateAck(response.CSeq.Number);
        var invite = _caller.Invite;
        if (invite.Body.Length > 0)
        {
            SendAck(leg, ack);
        }
        else
        {
            _heldAck = ack;
        }

        var ok = _caller.CreateResponse(response.StatusCode, response.ReasonPhrase);
        ok.Headers.Add(SipHeaderKind.Contact, _caller.Dialog.Contact);
        ok.Headers.Add(SipHeaderKind.Server, _services.Options.Product);
        NegotiateSessionTimers(invite, response, ok);
        CrossSession(response, ok, SessionCrossing.VendorToCaller);
        // Tracked before it goes out: the caller's ACK can arrive before SendResponse returns, and an ACK for an
        // untracked 2xx is lost, so the call would be ended at 64*T1 as unacknowledged (RFC 3261 §13.3.1.4).
        _services.Retransmitter.Track(ok, _caller.Dialog.Destination);
        if (!_caller.SendFinal(ok))
        {
            // The caller's CANCEL won the race: the caller has its 487, so the vendor's answer is hung up.
            _heldAck = null;
            SendAck(leg, ack);
            SendBye(leg, ReasonHeader.Sip(487, "Caller cancelled"));
            _services.Registry.Remove(leg);
            Finish(487, HangupSide.Caller, null);
            return;
        }

        _state = CallState.Answered;
        LingerInviteClaim();
        _record.MarkAnswered(_services.Time.GetUtcNow());
        RateVendor(vendor);
        _services.Counters.Answered();
        Publish(CallEventKind.Answered);
        StartDurationLimit(vendor);
        StartCreditLimit();
        StartSessionTimers();
    }

    /// <summary>The caller's ACK for the 2xx; for a late offer it carries the answer the vendor is waiting for.</summary>
    public void OnCallerAck(SipRequest ack)
    {
        if (_heldAck is { } held && _answered is { } answered && ack.CSeq.Number == _caller.InviteSequence)
        {
            _heldAck = null;
            CrossSession(ack, held, SessionCrossing.CallerToVendor);
            SendAck(answered.Dialog, held);
        }
    }

    /// <summary>VOS3000's conversation limitation: the tightest of the ingress trunk's, the account's and the vendor's limit.</summary>
    private void StartDurationLimit(VendorLeg vendor)
    {
        int? seconds = null;
        foreach (var limit in (ReadOnlySpan<int?>)[_origin.Gateway?.MaxCallDurationSeconds, _origin.Account.MaxCallDurationSeconds, vendor.Gateway?.MaxCallDurationSeconds])
        {
            if (limit is > 0 && (seconds is null || limit < seconds))
            {
                seconds = limit;
            }
        }

        if (seconds is null)
        {
            return;
        }

        _durationTimer = _services.Time.CreateTimer(
            static state => ((Call)state!).OnDurationReached(), this, TimeSpan.FromSeconds(seconds.Value), Timeout.InfiniteTimeSpan);
    }

    private void OnDurationReached() => Post(() => EndBySwitch(ReasonHeader.Q850(Q850Cause.NormalClearing, "Maximum call duration reached")));
}

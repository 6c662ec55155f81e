using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>The answer: the vendor's dialog is confirmed, the caller gets the 2xx, and the call's limits start.</summary>
internal sealed partial class Call
{
    private OutboundAttempt? _answered;
    private SipRequest? _heldAck;
    private ITimer? _durationTimer;

    private void OnAnswered(OutboundAttempt attempt, SipResponse response)
    {
        _answered = attempt;
        _current = null;
        _routing!.Answer();
        _record.SetAttemptCode(attempt.CdrIndex, 200);
        var leg = attempt.Leg;
        leg.RemoteTag = response.To.Tag;
        leg.RemoteTarget = ContactUri(response) ?? leg.RemoteTarget;
        leg.RouteSet = response.RecordRoutes.Reverse().ToList();

        // With an offer in the INVITE the vendor's ACK carries nothing and goes now; with a late offer (the 2xx
        // holds the offer) the ACK must carry the caller's answer, so it waits for the caller's ACK (RFC 3264 §4).
        var ack = leg.CreateAck(response.CSeq.Number);
        if (_invite.Request.Body.Length > 0)
        {
            SendAck(leg, ack);
        }
        else
        {
            _heldAck = ack;
        }

        var ok = _invite.CreateResponse(response.StatusCode, response.ReasonPhrase, _callerLeg.LocalTag);
        ok.Headers.Add(SipHeaderKind.Contact, _callerLeg.Contact);
        ok.Headers.Add(SipHeaderKind.Server, _services.Options.Product);
        NegotiateSessionTimers(response, ok);
        CrossSession(response, ok, SessionCrossing.VendorToCaller);
        // Tracked before it goes out: the caller's ACK can arrive before SendResponse returns, and an ACK for an
        // untracked 2xx is lost, so the call would be ended at 64*T1 as unacknowledged (RFC 3261 §13.3.1.4).
        _services.Retransmitter.Track(ok, _callerLeg.Destination);
        if (!_invite.SendResponse(ok))
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
        _record.MarkAnswered(_services.Time.GetUtcNow());
        _services.Counters.Answered();
        Publish(CallEventKind.Answered);
        StartDurationLimit(attempt);
        StartSessionTimers();
    }

    /// <summary>The caller's ACK for the 2xx; for a late offer it carries the answer the vendor is waiting for.</summary>
    public void OnCallerAck(SipRequest ack)
    {
        if (_heldAck is { } held && _answered is { } answered && ack.CSeq.Number == _invite.Request.CSeq.Number)
        {
            _heldAck = null;
            CrossSession(ack, held, SessionCrossing.CallerToVendor);
            SendAck(answered.Leg, held);
        }
    }

    /// <summary>
    /// An INVITE with this call's Call-ID and From tag that reached the switch as a new request because the original's
    /// server transaction had ended (our stack has no RFC 6026 Accepted state). A retransmission (same branch and CSeq)
    /// gets the final response again, as a lost one would have been resent; anything else is a merged request (RFC 3261
    /// §8.2.2.2). Either way the copy's transaction ends instead of waiting for an answer forever.
    /// </summary>
    public void AnswerLateCopy(SipServerTransaction copy)
    {
        var request = copy.Request;
        var original = _invite.Request;
        if (_invite.LastResponse is { IsProvisional: false } final && request.CSeq == original.CSeq && request.TopVia.Branch == original.TopVia.Branch)
        {
            copy.SendResponse(final);
        }
        else
        {
            copy.Respond(482);
        }
    }

    /// <summary>VOS3000's conversation limitation: the tighter of the ingress trunk's and the vendor's limit.</summary>
    private void StartDurationLimit(OutboundAttempt attempt)
    {
        int?[] limits = [_origin.Gateway?.MaxCallDurationSeconds, attempt.Gateway.MaxCallDurationSeconds];
        if (limits.Where(l => l is > 0).Min() is not { } seconds)
        {
            return;
        }

        _durationTimer = _services.Time.CreateTimer(
            _ => Post(() => EndBySwitch(ReasonHeader.Q850(Q850Cause.NormalClearing, "Maximum call duration reached"))),
            null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
    }
}

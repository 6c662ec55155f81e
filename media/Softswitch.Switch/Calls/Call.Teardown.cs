using Microsoft.Extensions.Logging;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Events;

namespace Softswitch.Switch.Calls;

/// <summary>Ending the call: BYE where needed, counters and slots released, and the final CDR made durable.</summary>
internal sealed partial class Call
{
    private bool _finished;

    /// <summary>The switch ends the call itself: maximum duration, session expiry, a missing ACK, a failed handler.</summary>
    public void EndBySwitch(string reason)
    {
        switch (_state)
        {
            case CallState.Answered:
                SendBye(_caller.Dialog, reason);
                SendBye(_answered!.Dialog, reason);
                Finish(200, HangupSide.Switch, null);
                break;
            case CallState.Routing:
                AbandonCurrentAttempt();
                FailCaller(500, null, "Switch failure", HangupSide.Switch);
                break;
        }
    }

    /// <summary>A 2xx retransmitted by the vendor after its transaction ended: our ACK was lost, so it is resent.</summary>
    public void OnVendorRetransmitted2xx(SipResponse response)
    {
        if (_answered?.Dialog is { } leg && response.CallId == leg.CallId && leg.AckFor(response.CSeq.Number) is { } ack)
        {
            SendAck(leg, ack);
        }
    }

    protected override void OnHandlerFailure(Exception exception) => EndBySwitch(ReasonHeader.Q850(Q850Cause.TemporaryFailure, "Switch failure"));

    private void EndAnswered(HangupSide side, Action afterDurable) => Finish(200, side, afterDurable);

    /// <summary>
    /// Releases everything the call holds and writes its final CDR. <paramref name="afterDurable"/> (the last
    /// response to the party that ended the call) runs once the CDR is durable, so a peer that saw the call end
    /// is sure to find its CDR even after a crash. It runs where the write completes, not on the call's executor: a
    /// post back would wait behind the pool's whole queue once more, and under a backlog the answer to BYE would pass
    /// T1 and be retransmitted. So it may only answer a server transaction, which locks itself.
    /// </summary>
    private void Finish(int status, HangupSide side, Action? afterDurable)
    {
        if (_finished)
        {
            afterDurable?.Invoke();
            return;
        }

        _finished = true;
        _state = CallState.Ended;
        _heldAck = null;
        _durationTimer?.Dispose();
        StopSessionTimers();
        _routing?.End();
        CancelRedirectQuery();
        _answeredSlot?.Release();
        ReleasePhoneLine();
        _services.Registry.Remove(_caller.Dialog);
        if (_answered is not null)
        {
            _services.Registry.Remove(_answered.Dialog);
        }

        _services.Retransmitter.Stop(_caller.Dialog.CallId);
        LingerInviteClaim();
        var final = _record.Final(_services.Time.GetUtcNow(), status, side);
        CloseBilling(final);
        _services.Admission.Release(_admission);
        var write = _services.Events.PublishAsync(new CallEvent(CallEventKind.Ended, ++_eventSequence, final));
        if (write.IsCompletedSuccessfully)
        {
            afterDurable?.Invoke();
            return;
        }

        write.AsTask().ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    _services.Logger.LogError(t.Exception, "Publishing the end of call {CallId} (its final CDR) failed", _caller.Dialog.CallId);
                }

                afterDurable?.Invoke();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The INVITE stays claimed for 64*T1 after its final answer (the 2xx, or the end of a call never answered), so a
    /// late copy of it cannot start a second call: while the 2xx is unacknowledged a copy gets it again, later it is
    /// absorbed. No copy can come later than that, since the caller's transaction gives up at 64*T1 (RFC 3261 §17.1.1.2,
    /// Timer B), so an answered call holds no claim while it stays up. The lingering claim holds a few strings, not the call.
    /// </summary>
    private void LingerInviteClaim()
    {
        if (_caller.ReleaseClaim() is { } claim)
        {
            claim.Ended();
            _services.Registry.LingerInvite(claim);
        }
    }

    private void SendBye(DialogLeg leg, string? reason)
    {
        var bye = leg.CreateRequest(SipMethods.Bye);
        if (reason is not null)
        {
            bye.Headers.Add(ReasonHeader.Name, reason);
        }

        _services.Layer.SendRequest(bye, leg.Destination);
    }

    private void SendAck(DialogLeg leg, SipRequest ack)
    {
        leg.RememberAck(ack);
        var sending = _services.Layer.SendAckAsync(ack, leg.Destination);
        if (!sending.IsCompletedSuccessfully)
        {
            sending.AsTask().ContinueWith(
                t => _services.Logger.LogWarning(t.Exception, "Sending ACK for call {CallId} failed", leg.CallId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}

using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Cdrs;
using Softswitch.Switch.Sessions;

namespace Softswitch.Switch.Calls;

/// <summary>Requests inside the call's dialogs: CANCEL, BYE from either side, and everything else relayed across.</summary>
internal sealed partial class Call
{
    /// <summary>
    /// RFC 3261 §9.2: the caller cancelled. The transaction layer has already answered 487, so only the vendor side
    /// is left to stop. After an answer the CANCEL changes nothing (the caller must BYE).
    /// </summary>
    public void OnCallerCancel()
    {
        if (_state != CallState.Routing)
        {
            return;
        }

        AbandonCurrentAttempt();
        Finish(487, HangupSide.Caller, null);
    }

    /// <summary>A request the caller or the vendor sent in its dialog with the switch.</summary>
    public void OnDialogRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var fromCaller = request.CallId == _caller.Dialog.CallId;
        var leg = fromCaller ? _caller.Dialog : _answered?.Dialog;
        if (leg is null || _state == CallState.Ended)
        {
            transaction.Respond(481);
            return;
        }

        if (!leg.AcceptsRemoteSequence(request.CSeq.Number))
        {
            transaction.Respond(500, "Server Internal Error - CSeq out of order");
            return;
        }

        if (request.Method == SipMethods.Bye)
        {
            OnBye(transaction, fromCaller);
            return;
        }

        if (_state != CallState.Answered)
        {
            // Early-dialog requests (UPDATE, PRACK, INFO before the answer) are not relayed.
            transaction.Respond(request.Method == SipMethods.Invite ? 491 : 405);
            return;
        }

        Relay(transaction, leg, fromCaller ? _answered!.Dialog : _caller.Dialog);
    }

    private void OnBye(SipServerTransaction transaction, bool fromCaller)
    {
        if (_state == CallState.Routing)
        {
            // §15: a caller may BYE an early dialog; it ends the call like a CANCEL.
            _caller.SendFinal(_caller.CreateResponse(487));
            AbandonCurrentAttempt();
            Finish(487, HangupSide.Caller, () => transaction.Respond(200));
            return;
        }

        var other = fromCaller ? _answered!.Dialog : _caller.Dialog;
        SendBye(other, transaction.Request.Headers[ReasonHeader.Name]);
        EndAnswered(fromCaller ? HangupSide.Caller : HangupSide.Callee, () => transaction.Respond(200));
    }

    /// <summary>re-INVITE, UPDATE, INFO and the rest: sent on in the other dialog, its answer sent back.</summary>
    private void Relay(SipServerTransaction incoming, DialogLeg from, DialogLeg to)
    {
        var request = incoming.Request;
        if (!request.TryDecrementMaxForwards())
        {
            incoming.Respond(483);
            return;
        }

        var outgoing = to.CreateRequest(request.Method);
        outgoing.MaxForwards = request.MaxForwards;
        foreach (var kind in (ReadOnlySpan<SipHeaderKind>)[SipHeaderKind.SessionExpires, SipHeaderKind.Supported, SipHeaderKind.Require, SipHeaderKind.Event])
        {
            request.Headers.CopyTo(outgoing.Headers, kind);
        }

        CrossSession(request, outgoing, ReferenceEquals(from, _caller.Dialog) ? SessionCrossing.CallerToVendor : SessionCrossing.VendorToCaller);
        var transaction = _services.Layer.SendRequest(outgoing, to.Destination);
        transaction.FinalResponse.ContinueWith(
            t => Post(() => OnRelayedResponse(incoming, from, to, outgoing, t.Result)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void OnRelayedResponse(SipServerTransaction incoming, DialogLeg from, DialogLeg to, SipRequest sent, SipResponse response)
    {
        var method = sent.Method;
        if (response.IsSuccess && method == SipMethods.Invite)
        {
            to.RemoteTarget = DialogLeg.ContactUri(response) ?? to.RemoteTarget;
            SendAck(to, to.CreateAck(sent.CSeq.Number));
        }

        var relayed = incoming.CreateResponse(response.StatusCode, response.ReasonPhrase);
        foreach (var kind in (ReadOnlySpan<SipHeaderKind>)[SipHeaderKind.SessionExpires, SipHeaderKind.Require, SipHeaderKind.Supported])
        {
            response.Headers.CopyTo(relayed.Headers, kind);
        }

        if (method is SipMethods.Invite or SipMethods.Update)
        {
            relayed.Headers.Add(SipHeaderKind.Contact, from.Contact);
        }

        CrossSession(response, relayed, ReferenceEquals(from, _caller.Dialog) ? SessionCrossing.VendorToCaller : SessionCrossing.CallerToVendor);
        if (_state == CallState.Answered && response.IsSuccess && method == SipMethods.Invite)
        {
            // Tracked before it goes out, or an ACK that beats this line back finds nothing to stop (§13.3.1.4).
            _services.Retransmitter.Track(relayed, from.Destination);
        }

        incoming.SendResponse(relayed);
        if (_state != CallState.Answered)
        {
            return;
        }

        if (response.IsSuccess && method is SipMethods.Invite or SipMethods.Update)
        {
            OnSessionRefreshed(from);
            OnSessionRefreshed(to);
        }
        else if (response.StatusCode is 408 or 481)
        {
            // §12.2.1.2: the other dialog is gone, so the call is.
            EndBySwitch(ReasonHeader.Sip(response.StatusCode, "Dialog terminated by peer"));
        }
    }

    private void AbandonCurrentAttempt()
    {
        CancelBranches();
        if (_current is { } vendor)
        {
            vendor.Abandon(_services.Layer);
            _record.SetAttemptCode(vendor.CdrIndex, 487);
            _current = null;
        }
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Calls;

/// <summary>
/// The called side of a call, where the switch is the UAC: one INVITE sent to a gateway or to a registered phone's
/// contact, its client transaction until the final response, and the dialog the answer makes. A call has one per
/// attempt; only the answered one stays, and it keeps its dialog alone.
/// </summary>
internal sealed class VendorLeg(RoutingGatewayEntry? gateway, DialogLeg dialog, int cdrIndex)
{
    private SipClientTransaction? _transaction;
    private ITimer? _noAnswer;

    /// <summary>The routing gateway of the attempt; null when the INVITE went to a phone's contact.</summary>
    public RoutingGatewayEntry? Gateway { get; } = gateway;

    public DialogLeg Dialog { get; } = dialog;

    /// <summary>Position of this attempt in the CDR's attempt list.</summary>
    public int CdrIndex { get; } = cdrIndex;

    /// <summary>Cancelled by the caller or timed out: a late 2xx is acknowledged and hung up at once.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>Sends the INVITE; the handlers are on before it leaves, as a vendor may ring or answer within a millisecond.</summary>
    public SipClientTransaction Send(
        SipTransactionLayer layer,
        SipRequest invite,
        Action<SipClientTransaction, SipResponse> onProvisional,
        Action<SipClientTransaction, SipResponse> onFinal) =>
        _transaction = layer.SendRequest(invite, Dialog.Destination, onProvisional, onFinal);

    public void ArmNoAnswer(ITimer timer) => _noAnswer = timer;

    /// <summary>RFC 3261 §16.7 step 2: a provisional response restarts Timer C (the no-answer timer of a phone's contact).</summary>
    public void RestartNoAnswer(TimeSpan timeout) => _noAnswer?.Change(timeout, Timeout.InfiniteTimeSpan);

    /// <summary>The final response arrived: the transaction is over (a 2xx ends it, RFC 3261 §17.1.1.2) and so is the wait.</summary>
    public void OnFinal()
    {
        StopNoAnswer();
        _transaction = null;
    }

    /// <summary>Gives up on the INVITE while it is pending: CANCEL (RFC 3261 §9.1).</summary>
    public void Abandon(SipTransactionLayer layer)
    {
        Abandoned = true;
        StopNoAnswer();
        if (_transaction is { } transaction)
        {
            layer.Cancel(transaction);
        }
    }

    /// <summary>RFC 3261 §12.1.2: the 2xx makes the dialog: the vendor's tag, its Contact, the reversed Record-Route.</summary>
    public void Confirm(SipResponse ok)
    {
        Dialog.RemoteTag = ok.To.Tag;
        Dialog.RemoteTarget = DialogLeg.ContactUri(ok) ?? Dialog.RemoteTarget;
        Dialog.RouteSet = DialogLeg.RouteSetFrom(ok.RecordRoutes, reversed: true);
    }

    private void StopNoAnswer()
    {
        _noAnswer?.Dispose();
        _noAnswer = null;
    }
}

using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Switch.Calls;

/// <summary>
/// The caller's side of a call, where the switch is the UAS: the caller's dialog (RFC 3261 §12.1.1) and, until the
/// caller has its final answer, the INVITE's server transaction. From then on the leg keeps the dialog alone: a held
/// call holds no parsed INVITE (the transaction absorbs retransmissions of a failure itself, §17.2.1, and the
/// retransmitter resends a 2xx until the ACK, §13.3.1.4).
/// </summary>
internal sealed class CallerLeg
{
    private SipServerTransaction? _invite;

    public CallerLeg(SipServerTransaction invite, string contact)
    {
        var request = invite.Request;
        _invite = invite;
        Dialog = new DialogLeg
        {
            CallId = request.CallId,
            LocalTag = SipIdentifiers.NewTag(),
            RemoteTag = request.From.Tag,
            Local = request.To,
            Remote = request.From.WithoutParameter("tag"),
            RemoteTarget = DialogLeg.ContactUri(request) ?? request.From.Uri,
            RouteSet = DialogLeg.RouteSetFrom(request.RecordRoutes, reversed: false),
            Destination = request.Source!.Value,
            Contact = contact,
        };
        Dialog.AcceptsRemoteSequence(request.CSeq.Number);
        InviteSequence = request.CSeq.Number;
        Claim = new InviteClaim(request.CallId, request.From.Tag ?? "", request.CSeq, request.TopVia.Branch, Dialog.LocalTag);
    }

    public DialogLeg Dialog { get; }

    /// <summary>
    /// The caller's INVITE as the registry knows it, for the late copies that outlive this leg; null once handed to the
    /// registry to linger (<see cref="ReleaseClaim"/>).
    /// </summary>
    public InviteClaim? Claim { get; private set; }

    /// <summary>Gives up the claim, once: the first caller gets it, later ones null.</summary>
    public InviteClaim? ReleaseClaim()
    {
        var claim = Claim;
        Claim = null;
        return claim;
    }

    public uint InviteSequence { get; }

    /// <summary>The caller's INVITE, until its final answer has gone.</summary>
    public SipRequest Invite => Transaction.Request;

    public bool IsAnswering(SipServerTransaction transaction) => ReferenceEquals(transaction, _invite);

    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        Transaction.CreateResponse(statusCode, reasonPhrase, Dialog.LocalTag);

    public void SendProvisional(SipResponse response) => _invite?.SendResponse(response);

    /// <summary>
    /// Sends the final answer and lets the INVITE go. False when the caller already had one (its CANCEL won the race,
    /// and the transaction answered 487 itself).
    /// </summary>
    public bool SendFinal(SipResponse response)
    {
        // Atomic: a call's final answer may be sent off its executor, once its CDR is durable (Call.Finish).
        var invite = Interlocked.Exchange(ref _invite, null);
        return invite is not null && invite.SendResponse(response);
    }

    private SipServerTransaction Transaction =>
        _invite ?? throw new InvalidOperationException("The caller already has its final answer.");
}

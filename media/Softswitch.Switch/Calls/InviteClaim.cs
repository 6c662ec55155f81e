using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Switch.Calls;

/// <summary>
/// A caller's initial INVITE (Call-ID and From tag) that made a call. It outlives the call by 64*T1, so a late copy
/// of the INVITE cannot start a second call, while holding only what answering such a copy needs, not the call.
/// </summary>
internal sealed class InviteClaim(string callId, string fromTag, SipCSeq sequence, string? branch, string toTag)
{
    private Call? _call;

    public string CallId { get; } = callId;

    public string FromTag { get; } = fromTag;

    /// <summary>The call while it runs; null once it has ended.</summary>
    public Call? Call => Volatile.Read(ref _call);

    public void Bind(Call call) => Volatile.Write(ref _call, call);

    public void Ended() => Volatile.Write(ref _call, null);

    /// <summary>
    /// A copy of the INVITE that reached the switch as a new request because the original's server transaction had
    /// ended with its 2xx (our stack has no RFC 6026 Accepted state). A retransmission (same branch and CSeq) gets the
    /// 2xx again while it is unacknowledged and is absorbed after (RFC 6026 §7.1); anything else is a merged request
    /// (RFC 3261 §8.2.2.2). Either way the copy's transaction ends instead of waiting for an answer forever.
    /// </summary>
    public void AnswerCopy(SipServerTransaction copy, AnsweredInviteRetransmitter retransmitter)
    {
        var request = copy.Request;
        if (request.CSeq != sequence || request.TopVia.Branch != branch)
        {
            copy.Respond(482);
        }
        else if (retransmitter.Unacknowledged(CallId, sequence.Number, toTag) is { } ok)
        {
            copy.SendResponse(ok);
        }
        else
        {
            copy.Absorb();
        }
    }
}

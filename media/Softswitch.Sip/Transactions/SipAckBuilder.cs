namespace Softswitch.Sip.Transactions;

/// <summary>Builds ACK and CANCEL requests from the INVITE they refer to.</summary>
public static class SipAckBuilder
{
    /// <summary>
    /// RFC 3261 §17.1.1.3: the ACK for a non-2xx final response has the INVITE's Request-URI, Call-ID, From, CSeq
    /// number and top Via, the response's To (with its tag), and the INVITE's Route headers.
    /// </summary>
    public static SipRequest ForNon2xx(SipRequest invite, SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, invite.Uri);
        ack.Headers.Add(SipHeaderKind.Via, invite.TopVia.ToString());
        ack.Headers.Add(SipHeaderKind.MaxForwards, "70");
        invite.Headers.CopyTo(ack.Headers, SipHeaderKind.From);
        response.Headers.CopyTo(ack.Headers, SipHeaderKind.To);
        ack.CallId = invite.CallId;
        ack.CSeq = new SipCSeq(invite.CSeq.Number, SipMethods.Ack);
        invite.Headers.CopyTo(ack.Headers, SipHeaderKind.Route);
        return ack;
    }

    /// <summary>
    /// RFC 3261 §9.1: CANCEL carries the INVITE's Request-URI, Call-ID, From, To, CSeq number, its single top Via
    /// (same branch, so it matches the server transaction) and Route headers.
    /// </summary>
    public static SipRequest Cancel(SipRequest invite)
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite.Uri);
        cancel.Headers.Add(SipHeaderKind.Via, invite.TopVia.ToString());
        cancel.Headers.Add(SipHeaderKind.MaxForwards, "70");
        invite.Headers.CopyTo(cancel.Headers, SipHeaderKind.From);
        invite.Headers.CopyTo(cancel.Headers, SipHeaderKind.To);
        cancel.CallId = invite.CallId;
        cancel.CSeq = new SipCSeq(invite.CSeq.Number, SipMethods.Cancel);
        invite.Headers.CopyTo(cancel.Headers, SipHeaderKind.Route);
        return cancel;
    }
}

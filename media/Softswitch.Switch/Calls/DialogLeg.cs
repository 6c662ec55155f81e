using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Switch.Calls;

/// <summary>
/// One of the call's two dialogs (RFC 3261 §12) as the switch holds it: its own Call-ID, tags and CSeq space.
/// Requests the switch sends in it go to <see cref="Destination"/>, the address the peer signals from, which is
/// what reaches a phone behind NAT or a trunk whose Contact names an internal host.
/// </summary>
internal sealed class DialogLeg
{
    public required string CallId { get; init; }

    public required string LocalTag { get; init; }

    public string? RemoteTag { get; set; }

    /// <summary>Our side of the dialog, without tag (From for the vendor leg, To for the caller leg).</summary>
    public required SipNameAddress Local { get; init; }

    /// <summary>The peer's side, without tag.</summary>
    public required SipNameAddress Remote { get; init; }

    /// <summary>Where in-dialog requests go; shared with other dialogs that have the same (a peer's Contact is the same on every call).</summary>
    public required SipUri RemoteTarget
    {
        get => _remoteTarget;
        set => _remoteTarget = SipUriPool.Share(value);
    }

    public IReadOnlyList<SipNameAddress> RouteSet { get; set; } = [];

    public required SipEndPoint Destination { get; init; }

    /// <summary>Our Contact in this dialog.</summary>
    public required string Contact { get; init; }

    public uint LocalSequence { get; set; }

    public uint? LastRemoteSequence { get; set; }

    private SipUri _remoteTarget = null!;
    private uint? _ackedSequence;
    private SipRequest? _ackWithBody;

    /// <summary>The first Contact's URI: the remote target a request or a 2xx sets (RFC 3261 §12.1).</summary>
    public static SipUri? ContactUri(SipMessage message) => message.Contacts is { Count: > 0 } contacts ? contacts[0].Uri : null;

    /// <summary>
    /// The route set from a message's Record-Route (§12.1.1 keeps the order for the UAS, §12.1.2 reverses it for the
    /// UAC), shared empty when there is none, as for most trunks.
    /// </summary>
    public static IReadOnlyList<SipNameAddress> RouteSetFrom(IReadOnlyList<SipNameAddress> recordRoutes, bool reversed) =>
        recordRoutes.Count == 0 ? [] : reversed ? recordRoutes.Reverse().ToArray() : recordRoutes.ToArray();

    /// <summary>Builds the next request of this dialog (RFC 3261 §12.2.1.1).</summary>
    public SipRequest CreateRequest(string method)
    {
        LocalSequence++;
        return Build(method, LocalSequence);
    }

    /// <summary>The end-to-end ACK for a 2xx to the INVITE with <paramref name="sequence"/> (§13.2.2.4).</summary>
    public SipRequest CreateAck(uint sequence) => Build(SipMethods.Ack, sequence);

    /// <summary>Remembers the ACK just sent for the 2xx to INVITE <c>CSeq</c>, to resend if the peer retransmits that 2xx.</summary>
    public void RememberAck(SipRequest ack)
    {
        _ackedSequence = ack.CSeq.Number;
        _ackWithBody = ack.Body.Length > 0 ? ack : null;
    }

    /// <summary>
    /// The ACK to resend for a retransmitted 2xx to the INVITE with <paramref name="sequence"/> (§13.2.2.4), or null
    /// when no ACK for it was sent. A body-less ACK is rebuilt rather than kept for the life of the call: a 2xx's ACK
    /// is matched to the dialog by Call-ID, tags and CSeq, never by its branch (§13.3.1.4, §17.1.1.3).
    /// </summary>
    public SipRequest? AckFor(uint sequence) => _ackedSequence == sequence ? _ackWithBody ?? CreateAck(sequence) : null;

    /// <summary>§12.2.2: a request with a lower CSeq than one already seen is out of order.</summary>
    public bool AcceptsRemoteSequence(uint sequence)
    {
        if (LastRemoteSequence is { } last && sequence <= last)
        {
            return false;
        }

        LastRemoteSequence = sequence;
        return true;
    }

    private SipRequest Build(string method, uint sequence)
    {
        var to = RemoteTag is null ? Remote : Remote.WithTag(RemoteTag);
        var request = SipRequest.Create(method, RemoteTarget, Local.WithTag(LocalTag), to, CallId, sequence);
        foreach (var route in RouteSet)
        {
            request.Headers.Add(SipHeaderKind.Route, route.ToString());
        }

        if (method is SipMethods.Invite or SipMethods.Update)
        {
            request.Headers.Add(SipHeaderKind.Contact, Contact);
        }

        return request;
    }
}

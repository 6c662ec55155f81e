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

    public required SipUri RemoteTarget { get; set; }

    public IReadOnlyList<SipNameAddress> RouteSet { get; set; } = [];

    public required SipEndPoint Destination { get; init; }

    /// <summary>Our Contact in this dialog.</summary>
    public required string Contact { get; init; }

    public uint LocalSequence { get; set; }

    public uint? LastRemoteSequence { get; set; }

    /// <summary>The last ACK for a 2xx sent in this dialog, resent when the peer retransmits that 2xx (§13.2.2.4).</summary>
    public SipRequest? LastAck { get; set; }

    /// <summary>Builds the next request of this dialog (RFC 3261 §12.2.1.1).</summary>
    public SipRequest CreateRequest(string method)
    {
        LocalSequence++;
        return Build(method, LocalSequence);
    }

    /// <summary>The end-to-end ACK for a 2xx to the INVITE with <paramref name="sequence"/> (§13.2.2.4).</summary>
    public SipRequest CreateAck(uint sequence) => Build(SipMethods.Ack, sequence);

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

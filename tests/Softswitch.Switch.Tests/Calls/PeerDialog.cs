using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>A peer's view of its dialog with the switch (RFC 3261 §12), enough to send requests inside it.</summary>
internal sealed class PeerDialog
{
    private uint _sequence;

    private PeerDialog(string callId, SipNameAddress local, SipNameAddress remote, SipUri remoteTarget, SipEndPoint destination, string contact, uint sequence)
    {
        (CallId, Local, Remote, RemoteTarget, Destination, Contact, _sequence) = (callId, local, remote, remoteTarget, destination, contact, sequence);
    }

    public string CallId { get; }

    /// <summary>Our side, with our tag.</summary>
    public SipNameAddress Local { get; }

    /// <summary>The switch's side, with its tag.</summary>
    public SipNameAddress Remote { get; }

    public SipUri RemoteTarget { get; }

    public SipEndPoint Destination { get; }

    public string Contact { get; }

    /// <summary>The caller's dialog: it sent <paramref name="invite"/> and the switch answered <paramref name="ok"/>.</summary>
    public static PeerDialog AsCaller(SipRequest invite, SipResponse ok, SipEndPoint switchEndPoint, string contact) =>
        new(invite.CallId, invite.From, ok.To, ok.Contacts[0].Uri, switchEndPoint, contact, invite.CSeq.Number);

    /// <summary>The vendor's dialog: the switch sent <paramref name="invite"/> and the vendor answered <paramref name="ok"/>.</summary>
    public static PeerDialog AsVendor(SipRequest invite, SipResponse ok, string contact) =>
        new(invite.CallId, ok.To, invite.From, invite.Contacts[0].Uri, invite.Source!.Value, contact, 100);

    /// <summary>The next request of the dialog (RFC 3261 §12.2.1.1).</summary>
    public SipRequest Request(string method)
    {
        var request = SipRequest.Create(method, RemoteTarget, Local, Remote, CallId, ++_sequence);
        if (method is SipMethods.Invite or SipMethods.Update)
        {
            request.Headers.Add(SipHeaderKind.Contact, Contact);
        }

        return request;
    }

    /// <summary>The ACK for the 2xx to the INVITE with <paramref name="sequence"/> (RFC 3261 §13.2.2.4).</summary>
    public SipRequest Ack(uint sequence) => SipRequest.Create(SipMethods.Ack, RemoteTarget, Local, Remote, CallId, sequence);
}

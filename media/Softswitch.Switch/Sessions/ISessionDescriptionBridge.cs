using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Sessions;

/// <summary>
/// The one place where a session description (the body of an INVITE, 18x, 2xx, ACK, re-INVITE or UPDATE) crosses from
/// one leg of a call to the other. The media relay hooks here to rewrite connection addresses and ports; codec policy
/// and SDP checks (anti-fraud) will too.
/// </summary>
public interface ISessionDescriptionBridge
{
    /// <summary>Puts into <paramref name="to"/> what the other leg should see of <paramref name="from"/>'s body (nothing when it has none).</summary>
    void Cross(string callId, SipMessage from, SipMessage to, SessionCrossing crossing);
}

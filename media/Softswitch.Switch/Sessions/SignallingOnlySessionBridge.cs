using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Sessions;

/// <summary>
/// The bridge while no media relay is built: the body and its type cross unchanged, so media flows end to end between
/// caller and vendor and only signalling passes through the switch.
/// </summary>
public sealed class SignallingOnlySessionBridge : ISessionDescriptionBridge
{
    public static SignallingOnlySessionBridge Instance { get; } = new();

    public void Cross(string callId, SipMessage from, SipMessage to, SessionCrossing crossing)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Body.Length > 0)
        {
            to.ContentType = from.ContentType;
            to.Body = from.Body;
        }
    }
}

namespace Softswitch.Switch.Fraud;

/// <summary>
/// Where the signalling layer's events go to be stored. <see cref="Raise"/> is called on the receive loops: it must
/// return at once and never wait for storage.
/// </summary>
public interface ISecurityEventSink
{
    void Raise(SecurityEvent securityEvent);
}

using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>Keeps every security event the switch raises.</summary>
internal sealed class RecordingSecurityEvents : ISecurityEventSink
{
    public Inbox<SecurityEvent> Raised { get; } = new();

    public void Raise(SecurityEvent securityEvent) => Raised.Add(securityEvent);
}

using Softswitch.Sip.Transport;

namespace Softswitch.Switch.Health;

/// <summary>A peer to ping with OPTIONS: where, over what, and how often.</summary>
public sealed record ProbeTarget(PeerKey Key, string Host, int Port, SipTransportProtocol Protocol, TimeSpan Interval);

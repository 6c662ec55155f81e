namespace Softswitch.Sip.Probing;

/// <summary>A peer to probe: where to send and the Request-URI to use.</summary>
public sealed record SipOptionsTarget(SipEndPoint Destination, SipUri Uri);

/// <summary>Reported when a target's reachability changes.</summary>
public sealed record SipOptionsStatus(SipOptionsTarget Target, bool IsUp, int StatusCode);

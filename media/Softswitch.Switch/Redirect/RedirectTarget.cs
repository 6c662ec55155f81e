namespace Softswitch.Switch.Redirect;

/// <summary>
/// One route a routing server gave: a SIP URI (a 3xx Contact, or <c>uri</c> in an HTTP answer) or, from HTTP only, a
/// routing gateway of the tenant by id; with its q-value (RFC 3261 §20.10, 1 when absent).
/// </summary>
public sealed record RedirectTarget(Sip.Messages.SipUri? Uri, string? RoutingGatewayId, double Q);

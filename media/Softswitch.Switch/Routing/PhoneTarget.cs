using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Routing;

/// <summary>A phone a call is for, with the contacts it had registered when the call was routed, best q first.</summary>
public sealed record PhoneTarget(PhoneEntry Phone, IReadOnlyList<PhoneContact> Contacts);

/// <summary>
/// One registered contact of a phone: the Request-URI is its Contact, but the INVITE goes to <see cref="Source"/>,
/// the address and transport its REGISTER came from (RFC 3581 received/rport, RFC 5626 §5.3 style), because a phone
/// behind NAT registers a private Contact that nobody outside can reach.
/// </summary>
public sealed record PhoneContact(SipUri Uri, SipEndPoint Source, double Q);

using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Redirect;

/// <summary>
/// The facts of a call a routing server is asked about. Ids are the call's own (CDR, account, trunk or phone), never
/// the tenant's: the server belongs to the tenant and learns nothing of others. <see cref="Invite"/> is the caller's
/// INVITE, for the headers a SIP query passes on.
/// </summary>
public sealed record RoutingQuery(
    string CdrId,
    string Caller,
    string Callee,
    string Source,
    string AccountId,
    string? MappingGatewayId,
    string? PhoneId,
    SipRequest Invite);

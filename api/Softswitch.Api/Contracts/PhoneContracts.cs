using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A SIP phone (registering user agent). Its password is never returned or stored: only digest HA1s are.</summary>
public sealed record PhoneResponse(
    string Id, string AccountId, string Username, string? DisplayName, PhoneStatus Status, int? MaxConcurrentCalls,
    string SipDomain, DateTime CreatedAt, DateTime UpdatedAt, long Version, string? Number, string? OfflineRedirectGatewayId,
    ForkMode ForkMode, int? MaxIncomingCalls);

/// <summary>
/// Creates or replaces a phone. <c>password</c> is required on create; on replace it may be omitted to keep the
/// current credentials, unless <c>username</c> changes (the digest HA1 covers the user name). <c>number</c> is the
/// callee number that rings the phone; <c>offline_redirect_gateway_id</c> the routing gateway its calls go to while it
/// is not registered (without one they are answered 480). <c>fork_mode</c> (default <c>sequential</c>) rings its
/// registered contacts one after another or, <c>parallel</c>, all at once; <c>max_incoming_calls</c> is its line count:
/// calls to it at once, past which a call gets 486 (null: unlimited).
/// </summary>
public sealed record PhoneRequest(
    string? AccountId, string? Username, string? Password, string? DisplayName, PhoneStatus? Status, int? MaxConcurrentCalls,
    string? Number = null, string? OfflineRedirectGatewayId = null, ForkMode? ForkMode = null, int? MaxIncomingCalls = null);

public static class PhoneMapping
{
    public static PhoneResponse AsResponse(this Phone p, string sipDomain) => new(
        p.Id, p.AccountId, p.Username, p.DisplayName, p.Status, p.MaxConcurrentCalls, sipDomain, p.CreatedAt, p.UpdatedAt, p.Version,
        p.Number, p.OfflineRedirectGatewayId, p.ForkMode, p.MaxIncomingCalls);
}

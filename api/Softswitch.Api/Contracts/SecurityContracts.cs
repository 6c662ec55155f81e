using Microsoft.AspNetCore.Mvc;
using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A banned source: the rule that fired, the count that crossed its threshold within the window, and when it ends.</summary>
public sealed record IpBanResponse(
    string Id,
    string Address,
    string Rule,
    string? Evidence,
    int Count,
    int Threshold,
    int WindowSeconds,
    int Offence,
    DateTime BannedAt,
    DateTime ExpiresAt);

/// <summary>One decision of the anti-fraud layer, with its evidence.</summary>
public sealed record SecurityEventResponse(
    string Id,
    DateTime OccurredAt,
    string Rule,
    SecurityAction Action,
    string Address,
    string? TenantId,
    string? PhoneId,
    int Count,
    int Threshold,
    int WindowSeconds,
    DateTime? BannedUntil,
    int Offence,
    string? Evidence,
    string? Caller,
    string? Callee,
    string? MappingGatewayId,
    string? CdrId);

/// <summary>
/// Filters of the security-event list: <c>action</c> is ban, alert, suspend, lift, refuse or monitor; <c>number</c>
/// matches a refused call's caller or callee; <c>gateway</c> its mapping gateway; <c>from</c> inclusive and <c>to</c>
/// exclusive, on the time of the event.
/// </summary>
public sealed record SecurityEventQuery(
    [FromQuery(Name = "rule")] string? Rule,
    [FromQuery(Name = "address")] string? Address,
    [FromQuery(Name = "action")] string? Action,
    [FromQuery(Name = "number")] string? Number,
    [FromQuery(Name = "gateway")] string? Gateway,
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To);

/// <summary>A block on the tenant's trusted list.</summary>
public sealed record TrustedAddressResponse(string Id, string Block, string? Description, DateTime CreatedAt);

public sealed record TrustedAddressRequest(string? Block, string? Description);

public static class SecurityMapping
{
    public static IpBanResponse AsResponse(this IpBan b) =>
        new(b.Id, b.Address, b.Rule, b.Evidence, b.Count, b.Threshold, b.WindowSeconds, b.Offence, b.BannedAt, b.ExpiresAt);

    public static SecurityEventResponse AsResponse(this SecurityEvent e) =>
        new(e.Id, e.OccurredAt, e.Rule, e.Action, e.Address, e.TenantId, e.PhoneId, e.Count, e.Threshold, e.WindowSeconds, e.BannedUntil, e.Offence, e.Evidence,
            e.Caller, e.Callee, e.MappingGatewayId, e.CdrId);

    public static TrustedAddressResponse AsResponse(this TrustedAddress t) => new(t.Id, t.Block, t.Description, t.CreatedAt);
}

using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The 3xx redirect client's settings for the tenant (<c>mapping_gateway_id</c> absent) or one trunk (which then
/// follows its own profile instead of the tenant's). The routing servers are asked in order before routing.
/// </summary>
public sealed record RedirectProfileResponse(
    string Id,
    string? MappingGatewayId,
    bool Enabled,
    IReadOnlyList<RedirectServerResponse> Servers,
    int DeadlineMilliseconds,
    RedirectFailureMode OnFailure,
    IReadOnlyList<string> AcceptHosts,
    IReadOnlyList<string> DenyHosts,
    IReadOnlyList<string> AcceptPrefixes,
    IReadOnlyList<string> DenyPrefixes,
    IReadOnlyList<string> CarryHeaders,
    string? Description,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

/// <summary>A routing server: <c>sip:host[:port][;transport=tcp]</c> or an <c>http(s)</c> URL, and its timeout.</summary>
public sealed record RedirectServerResponse(string Uri, int TimeoutMilliseconds);

/// <summary>
/// <c>servers</c>: 1–4, asked in order (<c>timeout_milliseconds</c> 50–10000, default 1500). <c>deadline_milliseconds</c>
/// (50–10000, default 3000) bounds the whole query. <c>on_failure</c>: <c>own_routes</c> (fail open, the default) or
/// <c>refuse</c> (fail closed: 503). Filters: hosts (<c>host</c> or <c>host:port</c>) and number prefixes, up to 50
/// each. <c>carry_headers</c>: Identity, P-Asserted-Identity or X- names, up to 10 (default Identity and P-Asserted-Identity).
/// </summary>
public sealed record RedirectProfileRequest(
    string? MappingGatewayId,
    bool? Enabled,
    IReadOnlyList<RedirectServerRequest>? Servers,
    int? DeadlineMilliseconds,
    RedirectFailureMode? OnFailure,
    IReadOnlyList<string>? AcceptHosts,
    IReadOnlyList<string>? DenyHosts,
    IReadOnlyList<string>? AcceptPrefixes,
    IReadOnlyList<string>? DenyPrefixes,
    IReadOnlyList<string>? CarryHeaders,
    string? Description);

public sealed record RedirectServerRequest(string? Uri, int? TimeoutMilliseconds);

public static class RedirectProfileMapping
{
    public static RedirectProfileResponse AsResponse(this RedirectProfile p) => new(
        p.Id, p.MappingGatewayId, p.Enabled, p.Servers.Select(s => new RedirectServerResponse(s.Uri, s.TimeoutMilliseconds)).ToList(),
        p.DeadlineMilliseconds, p.OnFailure, p.AcceptHosts, p.DenyHosts, p.AcceptPrefixes, p.DenyPrefixes, p.CarryHeaders, p.Description,
        p.CreatedAt, p.UpdatedAt, p.Version);
}

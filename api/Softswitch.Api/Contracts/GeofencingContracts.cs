using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A named set of address ranges that geofences refer to.</summary>
public sealed record IpRangeSetResponse(
    string Id, string Name, string? Description, int RangeCount, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record IpRangeSetRequest(string? Name, string? Description);

/// <summary>
/// One range of a set: every address from <c>first</c> to <c>last</c>; <c>cidr</c> when the range is exactly one
/// block. IPv4 and IPv6 alike.
/// </summary>
public sealed record IpRangeResponse(string Id, string First, string Last, string? Cidr, DateTime CreatedAt);

/// <summary>A range as a CIDR block (or a single address) in <c>cidr</c>, or as <c>start</c> and <c>count</c> addresses.</summary>
public sealed record IpRangeRequest(string? Cidr, string? Start, long? Count);

/// <summary>Ranges written by an import, and ranges deleted first (mode=replace).</summary>
public sealed record IpRangeImportResponse(int Imported, int Replaced);

/// <summary>
/// A range set applied at one level: the tenant (<c>target_id</c> absent), a mapping gateway, a routing gateway or a
/// phone (<c>target_id</c> its id). The most specific level whose mode is not <c>ignore</c> decides.
/// </summary>
public sealed record GeofenceResponse(
    string Id, GeofenceScope Scope, string? TargetId, string IpRangeSetId, GeofenceMode Mode, int RefusalStatus,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary><c>refusal_status</c> (4xx–6xx) is the SIP status of a refused call; 403 when absent.</summary>
public sealed record GeofenceRequest(GeofenceScope? Scope, string? TargetId, string? IpRangeSetId, GeofenceMode? Mode, int? RefusalStatus);

public static class GeofencingMapping
{
    public static IpRangeSetResponse AsResponse(this IpRangeSet s) =>
        new(s.Id, s.Name, s.Description, s.RangeCount, s.CreatedAt, s.UpdatedAt, s.Version);

    public static IpRangeResponse AsResponse(this IpRange r) =>
        new(r.Id, r.First, r.Last, AddressRange.TryFromStored(r.First, r.Last, out var range) ? range.ToCidr() : null, r.CreatedAt);

    public static GeofenceResponse AsResponse(this Geofence g) =>
        new(g.Id, g.Scope, g.TargetId, g.IpRangeSetId, g.Mode, g.RefusalStatus, g.CreatedAt, g.UpdatedAt, g.Version);

    public static IpRange ToRow(this AddressRange range, string setId) =>
        new() { IpRangeSetId = setId, First = range.FirstAddress.ToString(), Last = range.LastAddress.ToString() };
}

using Softswitch.Domain;
using RaisedEvent = Softswitch.Switch.Fraud.SecurityEvent;

namespace Softswitch.Media.Fraud;

/// <summary>The rows a raised event is stored as.</summary>
internal static class SecurityEventRows
{
    public static SecurityEvent Event(RaisedEvent raised) => new()
    {
        OccurredAt = raised.At.UtcDateTime,
        Rule = raised.Rule,
        Action = raised.Action,
        Address = raised.Address.ToString(),
        TenantId = raised.TenantId,
        PhoneId = raised.PhoneId,
        Count = raised.Count,
        Threshold = raised.Threshold,
        WindowSeconds = (int)raised.Window.TotalSeconds,
        BannedUntil = raised.BannedUntil?.UtcDateTime,
        Offence = raised.Offence,
        Evidence = Clip(raised.Evidence),
        Caller = Fit(raised.Caller),
        Callee = Fit(raised.Callee),
        MappingGatewayId = raised.MappingGatewayId,
        CdrId = raised.CdrId,
    };

    public static IpBan Ban(RaisedEvent raised) => new()
    {
        Address = raised.Address.ToString(),
        Rule = raised.Rule,
        Evidence = Clip(raised.Evidence),
        Count = raised.Count,
        Threshold = raised.Threshold,
        WindowSeconds = (int)raised.Window.TotalSeconds,
        Offence = raised.Offence,
        BannedAt = raised.At.UtcDateTime,
        ExpiresAt = (raised.BannedUntil ?? raised.At).UtcDateTime,
    };

    // A caller chooses its numbers' length; the columns are a CDR's.
    private static string? Fit(string? number) => number is { Length: > Cdr.NumberMaxLength } ? number[..Cdr.NumberMaxLength] : number;

    // Evidence comes from the attacker (a User-Agent): stored, but never longer than its column.
    private static string? Clip(string? evidence) =>
        evidence is { Length: > IpBan.EvidenceMaxLength } ? evidence[..IpBan.EvidenceMaxLength] : evidence;
}

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

    // Evidence comes from the attacker (a User-Agent): stored, but never longer than its column.
    private static string? Clip(string? evidence) =>
        evidence is { Length: > IpBan.EvidenceMaxLength } ? evidence[..IpBan.EvidenceMaxLength] : evidence;
}

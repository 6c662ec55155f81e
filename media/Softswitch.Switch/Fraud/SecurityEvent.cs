using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Fraud;

/// <summary>
/// One decision of the anti-fraud layer, with its evidence: which rule fired for which source, the count that crossed
/// the threshold within the window, and what was done about it. Stored as a security event (and, for a ban, an
/// IP ban row) off the call path by an <see cref="ISecurityEventSink"/>.
/// </summary>
public sealed record SecurityEvent(
    DateTimeOffset At,
    string Rule,
    SecurityAction Action,
    IPAddress Address,
    int Count,
    int Threshold,
    TimeSpan Window,
    string? Evidence = null)
{
    /// <summary>For a ban: when it ends.</summary>
    public DateTimeOffset? BannedUntil { get; init; }

    /// <summary>For a ban: the how-manieth of this source (the length doubles with each).</summary>
    public int Offence { get; init; }

    /// <summary>Set when the rule concerns one tenant: a phone's failures, or a source on a tenant's trusted list.</summary>
    public string? TenantId { get; init; }

    /// <summary>For a phone suspension, or a call refused from a phone: the phone.</summary>
    public string? PhoneId { get; init; }

    /// <summary>For a refused (or monitor-only, a would-be refused) call: its numbers as received, its trunk and CDR.</summary>
    public string? Caller { get; init; }

    public string? Callee { get; init; }

    public string? MappingGatewayId { get; init; }

    public string? CdrId { get; init; }
}

/// <summary>The rule codes security events and IP bans carry.</summary>
public static class SecurityRules
{
    public const string Flood = "flood";
    public const string Scanner = "scanner";
    public const string Sweep = "sweep";
    public const string AuthFailures = "auth-failures";
    public const string PhoneAuthFailures = "phone-auth-failures";

    /// <summary>The rules a platform may run monitor-only (the threat feed's bans are decided elsewhere).</summary>
    public static IReadOnlyList<string> Signalling { get; } = [Flood, Scanner, Sweep, AuthFailures, PhoneAuthFailures];
}

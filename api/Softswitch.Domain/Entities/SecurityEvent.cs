namespace Softswitch.Domain;

/// <summary>
/// One decision of the anti-fraud layer with its evidence, so an operator can answer "why was this source banned?".
/// Platform-wide; <see cref="TenantId"/> is set when the event concerns one tenant (its phone, its trusted list), and
/// that tenant may read it.
/// </summary>
public class SecurityEvent : Entity
{
    public DateTime OccurredAt { get; set; }

    public string Rule { get; set; } = "";

    public SecurityAction Action { get; set; }

    public string Address { get; set; } = "";

    public string? TenantId { get; set; }

    public string? PhoneId { get; set; }

    public int Count { get; set; }

    public int Threshold { get; set; }

    public int WindowSeconds { get; set; }

    /// <summary>For a ban: when it ends.</summary>
    public DateTime? BannedUntil { get; set; }

    public int Offence { get; set; }

    public string? Evidence { get; set; }

    /// <summary>For a refused (or, monitor-only, a would-be refused) call: its numbers, trunk and CDR.</summary>
    public string? Caller { get; set; }

    public string? Callee { get; set; }

    public string? MappingGatewayId { get; set; }

    public string? CdrId { get; set; }
}

namespace Softswitch.Domain;

/// <summary>
/// One thing that happened on a tenant's dynamic blacklist: a warning, a would-block of a monitor-only rule, an
/// addition, a release, an expiry, a counter reset. Kept as history after the entry is gone.
/// </summary>
public class DynamicBlacklistEvent : TenantEntity
{
    public DateTime OccurredAt { get; set; }

    public BlacklistEventKind Kind { get; set; }

    public BlacklistSubject Subject { get; set; }

    public string Value { get; set; } = "";

    public string? MappingGatewayId { get; set; }

    public string? RuleId { get; set; }

    public string? EntryId { get; set; }

    public int Count { get; set; }

    public int Level { get; set; }

    public int WindowSeconds { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public List<string> EvidenceCallIds { get; set; } = [];
}

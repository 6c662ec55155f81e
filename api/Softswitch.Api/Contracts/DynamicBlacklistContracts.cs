using Microsoft.AspNetCore.Mvc;
using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// An entry of the tenant's dynamic blacklist with its evidence: the rule, the counter value that crossed the level
/// within the window, and the Call-IDs of the calls that made it. <c>active</c> is false once expired or released.
/// </summary>
public sealed record DynamicBlacklistEntryResponse(
    string Id, BlacklistEntryKind Kind, BlacklistSubject Subject, string Value, string? MappingGatewayId, string? RuleId,
    FraudRuleKind? RuleKind, int Count, int Level, int WindowSeconds, IReadOnlyList<string> EvidenceCallIds, DateTime BlockedAt,
    DateTime ExpiresAt, DateTime? ReleasedAt, string? Note, bool Active, DateTime CreatedAt);

/// <summary>Blacklists a number (or an account id) by hand for <c>expire_seconds</c>; tenant-wide unless a gateway is named.</summary>
public sealed record DynamicBlacklistAddRequest(BlacklistSubject? Subject, string? Value, string? MappingGatewayId, int? ExpireSeconds, string? Note);

/// <summary>Clears a number's (or account id's) counters under every rule of the tenant.</summary>
public sealed record CounterResetRequest(string? Value);

public sealed record DynamicBlacklistQuery(
    [FromQuery(Name = "value")] string? Value,
    [FromQuery(Name = "subject")] string? Subject,
    [FromQuery(Name = "rule_id")] string? RuleId,
    [FromQuery(Name = "mapping_gateway_id")] string? MappingGatewayId,
    [FromQuery(Name = "active")] bool? Active);

/// <summary>One thing that happened on the tenant's dynamic blacklist.</summary>
public sealed record DynamicBlacklistEventResponse(
    string Id, DateTime OccurredAt, BlacklistEventKind Kind, BlacklistSubject Subject, string Value, string? MappingGatewayId,
    string? RuleId, string? EntryId, int Count, int Level, int WindowSeconds, DateTime? ExpiresAt, IReadOnlyList<string> EvidenceCallIds);

public sealed record DynamicBlacklistEventQuery(
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "value")] string? Value,
    [FromQuery(Name = "rule_id")] string? RuleId,
    [FromQuery(Name = "from")] DateTime? From,
    [FromQuery(Name = "to")] DateTime? To);

public static class DynamicBlacklistMapping
{
    public static DynamicBlacklistEntryResponse AsResponse(this DynamicBlacklistEntry e, DateTime now) => new(
        e.Id, e.Kind, e.Subject, e.Value, e.MappingGatewayId, e.RuleId, e.RuleKind, e.Count, e.Level, e.WindowSeconds, e.EvidenceCallIds,
        e.BlockedAt, e.ExpiresAt, e.ReleasedAt, e.Note, e.ReleasedAt is null && e.ExpiresAt > now, e.CreatedAt);

    public static DynamicBlacklistEventResponse AsResponse(this DynamicBlacklistEvent e) => new(
        e.Id, e.OccurredAt, e.Kind, e.Subject, e.Value, e.MappingGatewayId, e.RuleId, e.EntryId, e.Count, e.Level, e.WindowSeconds,
        e.ExpiresAt, e.EvidenceCallIds);
}

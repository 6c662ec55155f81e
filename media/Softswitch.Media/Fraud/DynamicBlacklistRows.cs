using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Media.Fraud;

/// <summary>The rows a finding of the dynamic blacklist is stored as.</summary>
internal static class DynamicBlacklistRows
{
    public static DynamicBlacklistEntry Entry(BlacklistFinding finding) => new()
    {
        Id = finding.EntryId!,
        TenantId = finding.TenantId,
        Kind = BlacklistEntryKind.Block,
        Subject = finding.Key.Subject,
        Value = Clip(finding.Key.Value),
        MappingGatewayId = finding.Key.MappingGatewayId,
        RuleId = finding.Rule.Id,
        RuleKind = finding.Rule.Kind,
        Count = finding.Count,
        Level = finding.Level,
        WindowSeconds = (int)finding.Rule.Window.TotalSeconds,
        EvidenceCallIds = [.. finding.Evidence],
        BlockedAt = finding.At.UtcDateTime,
        ExpiresAt = (finding.ExpiresAt ?? finding.At).UtcDateTime,
    };

    public static DynamicBlacklistEvent Event(BlacklistFinding finding) => new()
    {
        TenantId = finding.TenantId,
        OccurredAt = finding.At.UtcDateTime,
        Kind = finding.Kind,
        Subject = finding.Key.Subject,
        Value = Clip(finding.Key.Value),
        MappingGatewayId = finding.Key.MappingGatewayId,
        RuleId = finding.Rule.Id,
        EntryId = finding.EntryId,
        Count = finding.Count,
        Level = finding.Level,
        WindowSeconds = (int)finding.Rule.Window.TotalSeconds,
        ExpiresAt = finding.ExpiresAt?.UtcDateTime,
        EvidenceCallIds = [.. finding.Evidence],
    };

    public static BlacklistEntryState State(DynamicBlacklistEntry row) => new(
        new BlacklistKey(row.MappingGatewayId, row.Subject, row.Value), row.Kind, new DateTimeOffset(row.ExpiresAt, TimeSpan.Zero), row.RuleId);

    // The calling number comes from the caller's From header: stored, but never longer than its column.
    private static string Clip(string value) =>
        value.Length > DynamicBlacklistEntry.ValueMaxLength ? value[..DynamicBlacklistEntry.ValueMaxLength] : value;
}

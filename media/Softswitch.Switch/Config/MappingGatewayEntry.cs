using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Config;

/// <summary>An active inbound trunk. Its rewrite rules are private copies, so the snapshot cannot change under a call.</summary>
public sealed class MappingGatewayEntry
{
    private readonly RewriteRule[] _callerRules;
    private readonly RewriteRule[] _calleeRules;

    public MappingGatewayEntry(MappingGateway row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Id = row.Id;
        TenantId = row.TenantId;
        AccountId = row.AccountId;
        Name = row.Name;
        TechPrefix = row.TechPrefix ?? "";
        SourceAddresses = row.SourceAddresses.ToArray();
        MaxConcurrentCalls = row.MaxConcurrentCalls;
        MaxCallDurationSeconds = row.MaxCallDurationSeconds;
        MaxCallsPerSecond = row.MaxCallsPerSecond;
        Screening = row.NumberScreening is { IsEmpty: false } screening ? new GatewayScreening(screening) : GatewayScreening.None;
        _callerRules = Copy(row.CallerRewriteRules);
        _calleeRules = Copy(row.CalleeRewriteRules);
    }

    public string Id { get; }

    public string TenantId { get; }

    public string AccountId { get; }

    public string Name { get; }

    /// <summary>Empty when the trunk has none.</summary>
    public string TechPrefix { get; }

    /// <summary>IP addresses or CIDR blocks the trunk's calls come from.</summary>
    public IReadOnlyList<string> SourceAddresses { get; }

    public int? MaxConcurrentCalls { get; }

    public int? MaxCallDurationSeconds { get; }

    /// <summary>New calls a second this trunk may send; null: no cap.</summary>
    public int? MaxCallsPerSecond { get; }

    /// <summary>The trunk's number lists, caller/callee rules and caller length limits.</summary>
    public GatewayScreening Screening { get; }

    public string RewriteCaller(string number) => RewriteRule.ApplyFirstMatch(_callerRules, number);

    public string RewriteCallee(string number) => RewriteRule.ApplyFirstMatch(_calleeRules, number);

    private static RewriteRule[] Copy(List<RewriteRule> rules) =>
        rules.Select(r => new RewriteRule { MatchPrefix = r.MatchPrefix, Replacement = r.Replacement }).ToArray();
}

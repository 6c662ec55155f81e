using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// A dynamic-blacklist rule. More than <c>warning_level</c> in the window raises a warning event; more than
/// <c>blocking_level</c> blacklists the subject for <c>expire_seconds</c> after its last attempt (or, when
/// <c>monitor_only</c>, records a would-block event and blocks nothing).
/// </summary>
public sealed record FraudRuleResponse(
    string Id, string Name, FraudRuleKind Kind, FraudRuleScope Scope, IReadOnlyList<string> MappingGatewayIds, int? WarningLevel,
    int BlockingLevel, int WindowSeconds, int ExpireSeconds, bool MonitorOnly, bool Enabled, int MinAnsweredSeconds, int PrefixLength,
    BlacklistSubject CountBy, int ResponseCode, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>
/// Creates or replaces a rule. <c>window_seconds</c> is required except for caller concurrency; <c>mapping_gateway_ids</c>
/// only for the standalone scope; <c>min_answered_seconds</c> only for no-answer; <c>prefix_length</c> and
/// <c>count_by</c> (caller or account) only for distinct callees. <c>scanner_destinations</c> (the scanner honeypot
/// opt-in) needs only <c>expire_seconds</c>: how long after a banned scanner dialled a number calls to it are refused.
/// <c>response_code</c> defaults to 403.
/// </summary>
public sealed record FraudRuleRequest(
    string? Name, FraudRuleKind? Kind, FraudRuleScope? Scope, List<string>? MappingGatewayIds, int? WarningLevel, int? BlockingLevel,
    int? WindowSeconds, int? ExpireSeconds, bool? MonitorOnly, bool? Enabled, int? MinAnsweredSeconds, int? PrefixLength,
    BlacklistSubject? CountBy, int? ResponseCode);

/// <summary>The stored CDRs to replay a rule over: calls set up in [from, to).</summary>
public sealed record BacktestRequest(DateTime? From, DateTime? To);

/// <summary>
/// What the rule would have done over the range, replayed in time order through the switch's own evaluation:
/// every block (with its counters and evidence calls), the calls it would have refused, and its warnings.
/// </summary>
public sealed record BacktestResponse(
    string RuleId, DateTime From, DateTime To, int CallsReplayed, int CallsRefused, IReadOnlyList<string> RefusedCallIds,
    IReadOnlyList<BacktestFinding> Findings, bool Truncated);

public sealed record BacktestFinding(
    BlacklistEventKind Kind, BlacklistSubject Subject, string Value, string? MappingGatewayId, int Count, int Level, DateTime At,
    DateTime? ExpiresAt, IReadOnlyList<string> EvidenceCallIds);

public static class FraudRuleMapping
{
    public static FraudRuleResponse AsResponse(this FraudRule r) => new(
        r.Id, r.Name, r.Kind, r.Scope, r.MappingGatewayIds, r.WarningLevel, r.BlockingLevel, r.WindowSeconds, r.ExpireSeconds, r.MonitorOnly,
        r.Enabled, r.MinAnsweredSeconds, r.PrefixLength, r.CountBy, r.ResponseCode, r.CreatedAt, r.UpdatedAt, r.Version);
}

using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>Replaces a leading <c>match_prefix</c> with <c>replacement</c>; an empty match prefix prepends. First match wins.</summary>
public sealed record RewriteRuleDto(string? MatchPrefix, string? Replacement);

/// <summary>A mapping gateway: customer ingress recognised by source address (and tech prefix when set).</summary>
public sealed record MappingGatewayResponse(
    string Id, string AccountId, string Name, IReadOnlyList<string> SourceAddresses, string? TechPrefix,
    IReadOnlyList<RewriteRuleDto> CallerRewriteRules, IReadOnlyList<RewriteRuleDto> CalleeRewriteRules,
    int? MaxConcurrentCalls, int? MaxCallDurationSeconds, int? MaxCallsPerSecond, GatewayStatus Status,
    NumberScreeningDto NumberScreening, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Creates or replaces a mapping gateway.</summary>
public sealed record MappingGatewayRequest(
    string? AccountId, string? Name, List<string>? SourceAddresses, string? TechPrefix,
    List<RewriteRuleDto>? CallerRewriteRules, List<RewriteRuleDto>? CalleeRewriteRules,
    int? MaxConcurrentCalls, int? MaxCallDurationSeconds, GatewayStatus? Status, int? MaxCallsPerSecond = null,
    NumberScreeningDto? NumberScreening = null);

public static class MappingGatewayMapping
{
    public static MappingGatewayResponse AsResponse(this MappingGateway g) => new(
        g.Id, g.AccountId, g.Name, g.SourceAddresses, g.TechPrefix,
        g.CallerRewriteRules.Select(AsDto).ToList(), g.CalleeRewriteRules.Select(AsDto).ToList(),
        g.MaxConcurrentCalls, g.MaxCallDurationSeconds, g.MaxCallsPerSecond, g.Status, g.NumberScreening.AsDto(), g.CreatedAt, g.UpdatedAt, g.Version);

    public static RewriteRuleDto AsDto(this RewriteRule r) => new(r.MatchPrefix, r.Replacement);

    public static List<RewriteRule> AsRules(this List<RewriteRuleDto>? rules) =>
        rules?.Select(r => new RewriteRule { MatchPrefix = r.MatchPrefix ?? "", Replacement = r.Replacement ?? "" }).ToList() ?? [];
}

using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// Which numbers pass: when any allowed prefix or number group is given, a number must match one; it must match no
/// forbidden prefix, group or class. <c>refusal_status</c> (400-699, default 403) is the SIP answer to a refused call.
/// </summary>
public sealed record NumberRuleDto(
    List<string>? AllowedPrefixes = null,
    List<string>? AllowedGroupIds = null,
    List<string>? ForbiddenPrefixes = null,
    List<string>? ForbiddenGroupIds = null,
    List<NumberClass>? ForbiddenClasses = null,
    int? RefusalStatus = null);

/// <summary>
/// A gateway's number checks: black/white lists (by id), caller and callee rules, and caller length limits (digits,
/// a leading '+' not counted).
/// </summary>
public sealed record NumberScreeningDto(
    List<string>? NumberListIds = null,
    NumberRuleDto? Caller = null,
    NumberRuleDto? Callee = null,
    int? CallerMinLength = null,
    int? CallerMaxLength = null);

public static class NumberRuleMapping
{
    public static NumberRuleDto AsDto(this NumberRule r) => new(
        r.AllowedPrefixes, r.AllowedGroupIds, r.ForbiddenPrefixes, r.ForbiddenGroupIds, r.ForbiddenClasses, r.RefusalStatus);

    public static NumberScreeningDto AsDto(this NumberScreening s) =>
        new(s.NumberListIds, s.Caller.AsDto(), s.Callee.AsDto(), s.CallerMinLength, s.CallerMaxLength);

    public static NumberRule AsRule(this NumberRuleDto? r) => new()
    {
        AllowedPrefixes = Digits(r?.AllowedPrefixes),
        AllowedGroupIds = r?.AllowedGroupIds?.Distinct(StringComparer.Ordinal).ToList() ?? [],
        ForbiddenPrefixes = Digits(r?.ForbiddenPrefixes),
        ForbiddenGroupIds = r?.ForbiddenGroupIds?.Distinct(StringComparer.Ordinal).ToList() ?? [],
        ForbiddenClasses = r?.ForbiddenClasses?.Distinct().ToList() ?? [],
        RefusalStatus = r?.RefusalStatus ?? NumberRule.DefaultRefusalStatus,
    };

    public static NumberScreening AsScreening(this NumberScreeningDto? s) => new()
    {
        NumberListIds = s?.NumberListIds?.Distinct(StringComparer.Ordinal).ToList() ?? [],
        Caller = s?.Caller.AsRule() ?? new NumberRule(),
        Callee = s?.Callee.AsRule() ?? new NumberRule(),
        CallerMinLength = s?.CallerMinLength,
        CallerMaxLength = s?.CallerMaxLength,
    };

    /// <summary>Prefixes as digits: a leading '+' is dropped, duplicates removed.</summary>
    public static List<string> Digits(IEnumerable<string>? prefixes) =>
        prefixes?.Select(p => p.StartsWith('+') ? p[1..] : p).Distinct(StringComparer.Ordinal).ToList() ?? [];
}

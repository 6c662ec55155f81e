using Microsoft.EntityFrameworkCore;
using Softswitch.Api.Contracts;
using Softswitch.Data;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

/// <summary>Field checks for number prefixes, number rules and gateway number screening; ids must be the tenant's own.</summary>
public static class NumberRuleValidation
{
    public static FieldErrors NumberPrefixes(this FieldErrors errors, string field, IReadOnlyList<string>? prefixes, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (prefixes is null)
        {
            return errors;
        }

        if (prefixes.Count > maxCount)
        {
            return errors.Add(field, $"must hold at most {maxCount} prefixes.");
        }

        for (var i = 0; i < prefixes.Count; i++)
        {
            if (!IsNumber(prefixes[i]))
            {
                errors.Add($"{field}[{i}]", $"must be 1 to {NumberKey.MaxDigits} digits (a leading '+' is allowed).");
            }
        }

        return errors;
    }

    private static bool IsNumber(string? value) =>
        value is not null && NumberKey.TryEncode(value, out _);

    public static FieldErrors NumberRule(this FieldErrors errors, string field, NumberRuleDto? rule)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (rule is null)
        {
            return errors;
        }

        errors.NumberPrefixes($"{field}.allowed_prefixes", rule.AllowedPrefixes, Domain.NumberRule.MaxPrefixes)
            .NumberPrefixes($"{field}.forbidden_prefixes", rule.ForbiddenPrefixes, Domain.NumberRule.MaxPrefixes)
            .Range($"{field}.refusal_status", rule.RefusalStatus, 400, 699);
        Ids(errors, $"{field}.allowed_group_ids", rule.AllowedGroupIds, Domain.NumberRule.MaxGroups);
        Ids(errors, $"{field}.forbidden_group_ids", rule.ForbiddenGroupIds, Domain.NumberRule.MaxGroups);
        for (var i = 0; i < (rule.ForbiddenClasses?.Count ?? 0); i++)
        {
            errors.Defined($"{field}.forbidden_classes[{i}]", rule.ForbiddenClasses![i]);
        }

        return errors;
    }

    public static FieldErrors NumberScreening(this FieldErrors errors, string field, NumberScreeningDto? screening)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (screening is null)
        {
            return errors;
        }

        Ids(errors, $"{field}.number_list_ids", screening.NumberListIds, Domain.NumberScreening.MaxLists);
        errors.NumberRule($"{field}.caller", screening.Caller)
            .NumberRule($"{field}.callee", screening.Callee)
            .Range($"{field}.caller_min_length", screening.CallerMinLength, 0, NumberKey.MaxDigits * 2)
            .Range($"{field}.caller_max_length", screening.CallerMaxLength, 0, NumberKey.MaxDigits * 2);
        if (screening is { CallerMinLength: { } min, CallerMaxLength: { } max } && min > max)
        {
            errors.Add($"{field}.caller_max_length", "must not be below caller_min_length.");
        }

        return errors;
    }

    /// <summary>Every group and list id the rule or screening names must exist in the caller's tenant.</summary>
    public static async Task CheckNumberReferencesAsync(
        SoftswitchDbContext db, string field, NumberScreeningDto? screening, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (screening is null)
        {
            return;
        }

        await CheckIdsAsync(db.NumberLists, $"{field}.number_list_ids", screening.NumberListIds, "number list", errors, cancellationToken);
        await CheckGroupsAsync(db, $"{field}.caller", screening.Caller, errors, cancellationToken);
        await CheckGroupsAsync(db, $"{field}.callee", screening.Callee, errors, cancellationToken);
    }

    public static async Task CheckGroupsAsync(
        SoftswitchDbContext db, string field, NumberRuleDto? rule, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (rule is null)
        {
            return;
        }

        await CheckIdsAsync(db.NumberGroups, $"{field}.allowed_group_ids", rule.AllowedGroupIds, "number group", errors, cancellationToken);
        await CheckIdsAsync(db.NumberGroups, $"{field}.forbidden_group_ids", rule.ForbiddenGroupIds, "number group", errors, cancellationToken);
    }

    public static async Task CheckIdsAsync<T>(
        IQueryable<T> set, string field, IReadOnlyList<string>? ids, string resource, FieldErrors errors, CancellationToken cancellationToken)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ids is not { Count: > 0 })
        {
            return;
        }

        var known = await set.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"{field}[{i}]", $"no {resource} '{ids[i]}' exists in this tenant.");
            }
        }
    }

    private static void Ids(FieldErrors errors, string field, IReadOnlyList<string>? ids, int maxCount)
    {
        if (ids is not null && ids.Count > maxCount)
        {
            errors.Add(field, $"must hold at most {maxCount} ids.");
        }
        else if (ids is not null && ids.Any(string.IsNullOrEmpty))
        {
            errors.Add(field, "must not hold an empty id.");
        }
    }
}

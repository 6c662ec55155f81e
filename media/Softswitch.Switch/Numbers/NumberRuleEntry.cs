using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// A <see cref="NumberRule"/> ready for the call path: its own prefixes as <see cref="PrefixSet"/>s, its groups by id
/// (looked up in the tenant's current groups, so a group edit applies without touching the gateway) and its forbidden
/// classes as one mask.
/// </summary>
public sealed class NumberRuleEntry
{
    private readonly PrefixSet _allowed;
    private readonly string[] _allowedGroups;
    private readonly PrefixSet _forbidden;
    private readonly string[] _forbiddenGroups;

    public NumberRuleEntry(NumberRule? rule, NumberClasses extraForbidden = NumberClasses.None)
    {
        rule ??= new NumberRule();
        _allowed = new PrefixSet(rule.AllowedPrefixes ?? []);
        _allowedGroups = [.. rule.AllowedGroupIds ?? []];
        _forbidden = new PrefixSet(rule.ForbiddenPrefixes ?? []);
        _forbiddenGroups = [.. rule.ForbiddenGroupIds ?? []];
        ForbiddenClasses = NumberClassMask.Of(rule.ForbiddenClasses ?? []) | extraForbidden;
        RefusalStatus = rule.RefusalStatus is >= 400 and <= 699 ? rule.RefusalStatus : NumberRule.DefaultRefusalStatus;
        IsEmpty = _allowed.IsEmpty && _allowedGroups.Length == 0 && _forbidden.IsEmpty && _forbiddenGroups.Length == 0
            && ForbiddenClasses == NumberClasses.None;
        NeedsPlan = _allowedGroups.Length > 0 || _forbiddenGroups.Length > 0 || ForbiddenClasses != NumberClasses.None;
    }

    public static NumberRuleEntry None { get; } = new(null);

    public NumberClasses ForbiddenClasses { get; }

    public int RefusalStatus { get; }

    public bool IsEmpty { get; }

    /// <summary>The rule names groups or classes, which only the loaded number plan knows.</summary>
    public bool NeedsPlan { get; }

    public NumberRuleVerdict Check(ReadOnlySpan<char> number, TenantNumbers? numbers)
    {
        if (IsEmpty)
        {
            return NumberRuleVerdict.Passes;
        }

        if (NeedsPlan && (numbers is null || !AllKnown(_allowedGroups, numbers) || !AllKnown(_forbiddenGroups, numbers)))
        {
            return NumberRuleVerdict.Unavailable;
        }

        if ((!_allowed.IsEmpty || _allowedGroups.Length > 0) && !_allowed.Matches(number) && !InAnyGroup(_allowedGroups, number, numbers))
        {
            return NumberRuleVerdict.NotAllowed;
        }

        if (_forbidden.Matches(number) || InAnyGroup(_forbiddenGroups, number, numbers))
        {
            return NumberRuleVerdict.Forbidden;
        }

        return ForbiddenClasses != NumberClasses.None && numbers!.Classify(number, ForbiddenClasses) != NumberClasses.None
            ? NumberRuleVerdict.ForbiddenClass
            : NumberRuleVerdict.Passes;
    }

    public NumberClasses ClassesOf(ReadOnlySpan<char> number, TenantNumbers numbers) =>
        numbers.Classify(number, ForbiddenClasses);

    // As with lists, a group in use cannot be deleted: one the plan lacks has not been read yet.
    private static bool AllKnown(string[] groupIds, TenantNumbers numbers)
    {
        foreach (var id in groupIds)
        {
            if (!numbers.Groups.ContainsKey(id))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InAnyGroup(string[] groupIds, ReadOnlySpan<char> number, TenantNumbers? numbers)
    {
        foreach (var id in groupIds)
        {
            if (numbers!.InGroup(id, number))
            {
                return true;
            }
        }

        return false;
    }
}

public enum NumberRuleVerdict
{
    Passes,
    NotAllowed,
    Forbidden,
    ForbiddenClass,
    Unavailable,
}

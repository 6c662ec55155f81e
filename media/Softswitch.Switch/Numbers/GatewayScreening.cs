using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// A gateway's <see cref="NumberScreening"/> ready for the call path: its black/white lists (by id, looked up in the
/// tenant's current <see cref="TenantNumbers"/>), caller and callee rules and caller length limits. The same checks
/// guard a customer trunk at admission and decide whether a vendor may be offered a call in routing.
/// </summary>
public sealed class GatewayScreening
{
    public const string ListRule = "number-list";
    public const string CallerLengthRule = "caller-length";
    public const string CallerPrefixRule = "caller-prefix";
    public const string CalleePrefixRule = "callee-prefix";
    public const string NumberClassRule = "number-class";

    private readonly string[] _listIds;
    private readonly int _minLength;
    private readonly int _maxLength;

    public GatewayScreening(NumberScreening? screening)
    {
        screening ??= new NumberScreening();
        _listIds = [.. screening.NumberListIds ?? []];
        Caller = new NumberRuleEntry(screening.Caller);
        Callee = new NumberRuleEntry(screening.Callee);
        _minLength = screening.CallerMinLength ?? 0;
        _maxLength = screening.CallerMaxLength ?? int.MaxValue;
        HasLists = _listIds.Length > 0;
        HasRules = !Caller.IsEmpty || !Callee.IsEmpty || screening.CallerMinLength is not null || screening.CallerMaxLength is not null;
    }

    public static GatewayScreening None { get; } = new(null);

    public NumberRuleEntry Caller { get; }

    public NumberRuleEntry Callee { get; }

    public bool HasLists { get; }

    /// <summary>The assigned lists' ids, in the order they are checked.</summary>
    public IReadOnlyList<string> NumberListIds => _listIds;

    public bool HasRules { get; }

    /// <summary>The first of the gateway's lists that refuses the call.</summary>
    public NumberRefusal CheckLists(ReadOnlySpan<char> caller, ReadOnlySpan<char> callee, TenantNumbers? numbers)
    {
        if (!HasLists)
        {
            return NumberRefusal.None;
        }

        if (numbers is null)
        {
            return NumberRefusal.Unavailable;
        }

        foreach (var id in _listIds)
        {
            // The API refuses to delete an assigned list, so a list the plan lacks is one it has not read yet (the
            // gateway and the lists are refreshed apart): refuse for that half second rather than admit unchecked.
            if (!numbers.Lists.TryGetValue(id, out var list))
            {
                return NumberRefusal.Unavailable;
            }

            if (!list.Admits(caller, callee))
            {
                return new NumberRefusal(ListRule, list.RefusalStatus, list.Match == NumberSide.Caller
                    ? "Caller refused by number list"
                    : "Callee refused by number list");
            }
        }

        return NumberRefusal.None;
    }

    /// <summary>The caller length limits, then the caller rule, then the callee rule.</summary>
    public NumberRefusal CheckRules(ReadOnlySpan<char> caller, ReadOnlySpan<char> callee, TenantNumbers? numbers)
    {
        if (!HasRules)
        {
            return NumberRefusal.None;
        }

        var length = NumberText.Digits(caller).Length;
        if (length < _minLength || length > _maxLength)
        {
            return new NumberRefusal(CallerLengthRule, Caller.RefusalStatus, "Caller number length not allowed");
        }

        var refusal = Refusal(Caller, Caller.Check(caller, numbers), caller, numbers, CallerPrefixRule, "Caller");
        return refusal.Refuses ? refusal : Refusal(Callee, Callee.Check(callee, numbers), callee, numbers, CalleePrefixRule, "Callee");
    }

    public NumberRefusal Check(ReadOnlySpan<char> caller, ReadOnlySpan<char> callee, TenantNumbers? numbers)
    {
        var refusal = CheckLists(caller, callee, numbers);
        return refusal.Refuses ? refusal : CheckRules(caller, callee, numbers);
    }

    internal static NumberRefusal Refusal(
        NumberRuleEntry rule, NumberRuleVerdict verdict, ReadOnlySpan<char> number, TenantNumbers? numbers, string prefixRule, string side) =>
        verdict switch
        {
            NumberRuleVerdict.Passes => NumberRefusal.None,
            NumberRuleVerdict.Unavailable => NumberRefusal.Unavailable,
            NumberRuleVerdict.NotAllowed => new NumberRefusal(prefixRule, rule.RefusalStatus, $"{side} prefix not allowed"),
            NumberRuleVerdict.Forbidden => new NumberRefusal(prefixRule, rule.RefusalStatus, $"{side} prefix forbidden"),
            _ => new NumberRefusal(
                NumberClassRule, rule.RefusalStatus, $"{side} number class forbidden: {NumberClassMask.FirstName(rule.ClassesOf(number, numbers!))}"),
        };
}

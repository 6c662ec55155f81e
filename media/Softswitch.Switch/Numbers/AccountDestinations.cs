using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>
/// An account's destination authorisation: its allowed and forbidden callee prefixes and groups, and its forbidden
/// number classes, to which "block international" and "block premium" add their class.
/// </summary>
public static class AccountDestinations
{
    public const string Rule = "account-destination";

    public static NumberRuleEntry Compile(NumberRule? destinations, bool blockInternational, bool blockPremium) =>
        new(destinations, (blockInternational ? NumberClasses.International : NumberClasses.None)
            | (blockPremium ? NumberClasses.PremiumRate : NumberClasses.None));

    public static NumberRefusal Check(NumberRuleEntry rule, ReadOnlySpan<char> callee, TenantNumbers? numbers)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return GatewayScreening.Refusal(rule, rule.Check(callee, numbers), callee, numbers, Rule, "Destination");
    }
}

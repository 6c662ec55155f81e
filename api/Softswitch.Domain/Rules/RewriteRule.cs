namespace Softswitch.Domain;

/// <summary>
/// Replaces a leading <see cref="MatchPrefix"/> of a number with <see cref="Replacement"/>.
/// An empty <see cref="MatchPrefix"/> matches every number, so the rule simply prepends.
/// </summary>
public sealed class RewriteRule
{
    public const int MatchPrefixMaxLength = 32;
    public const int ReplacementMaxLength = 32;

    public string MatchPrefix { get; set; } = "";

    public string Replacement { get; set; } = "";

    public bool Matches(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.StartsWith(MatchPrefix, StringComparison.Ordinal);
    }

    /// <summary>Returns the rewritten number, or <paramref name="number"/> unchanged when the rule does not match.</summary>
    public string Apply(string number) =>
        Matches(number) ? string.Concat(Replacement, number.AsSpan(MatchPrefix.Length)) : number;

    /// <summary>Applies the first rule that matches; the number is unchanged when none does.</summary>
    public static string ApplyFirstMatch(IEnumerable<RewriteRule> rules, string number)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (rule.Matches(number))
            {
                return rule.Apply(number);
            }
        }

        return number;
    }
}

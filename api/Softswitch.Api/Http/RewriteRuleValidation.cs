using Softswitch.Api.Contracts;
using Softswitch.Domain;

namespace Softswitch.Api.Http;

public static class RewriteRuleValidation
{
    private const int MaxRules = 50;

    /// <summary>Rules rewrite dialled digits, so both sides must be digits (with + allowed for E.164).</summary>
    public static FieldErrors RewriteRules(this FieldErrors errors, string field, IReadOnlyList<RewriteRuleDto>? rules)
    {
        if (rules is null)
        {
            return errors;
        }

        if (rules.Count > MaxRules)
        {
            return errors.Add(field, $"must hold at most {MaxRules} rules.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is null)
            {
                errors.Add($"{field}[{i}]", "must be an object with match_prefix and replacement.");
                continue;
            }

            CheckNumberPart(errors, $"{field}[{i}].match_prefix", rules[i].MatchPrefix, RewriteRule.MatchPrefixMaxLength);
            CheckNumberPart(errors, $"{field}[{i}].replacement", rules[i].Replacement, RewriteRule.ReplacementMaxLength);
        }

        return errors;
    }

    private static void CheckNumberPart(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null && (value.Length > maxLength || !value.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#')))
        {
            errors.Add(field, $"must be at most {maxLength} of 0-9 + * #.");
        }
    }
}

using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>One tenant's number layer: its number groups, black/white lists, home country and high-risk prefixes.</summary>
public sealed class TenantNumbers(
    string tenantId,
    FrozenDictionary<string, PrefixSet> groups,
    FrozenDictionary<string, CompiledNumberList> lists,
    int homeCallingCode,
    PrefixSet highRisk,
    ClassificationCache cache)
{
    public string TenantId { get; } = tenantId;

    public FrozenDictionary<string, PrefixSet> Groups { get; } = groups;

    public FrozenDictionary<string, CompiledNumberList> Lists { get; } = lists;

    /// <summary>The home country's calling code; 0 when the tenant set none (every number is then international).</summary>
    public int HomeCallingCode { get; } = homeCallingCode;

    public PrefixSet HighRisk { get; } = highRisk;

    /// <summary>Kept from one plan to the next, so a refresh does not forget what was classified.</summary>
    public ClassificationCache Cache { get; } = cache;

    public static TenantNumbers Defaults(string tenantId) => new(
        tenantId, FrozenDictionary<string, PrefixSet>.Empty, FrozenDictionary<string, CompiledNumberList>.Empty, 0,
        new PrefixSet(DefaultHighRiskPrefixes.All), new ClassificationCache());

    /// <summary>
    /// Which of <paramref name="wanted"/> the number belongs to. Only the classes asked are worked out, and
    /// libphonenumber only for <see cref="NumberClasses.FromMetadata"/>.
    /// </summary>
    public NumberClasses Classify(ReadOnlySpan<char> number, NumberClasses wanted)
    {
        var digits = NumberText.Digits(number);
        var found = NumberClasses.None;
        if ((wanted & NumberClasses.Satellite) != 0 && digits.Length >= 3 && digits[0] == '8' && digits[1] == '8' && digits[2] is >= '1' and <= '3')
        {
            found |= NumberClasses.Satellite;
        }

        if ((wanted & NumberClasses.HighRisk) != 0 && HighRisk.Matches(digits))
        {
            found |= NumberClasses.HighRisk;
        }

        if ((wanted & NumberClasses.International) != 0 && (HomeCallingCode == 0 || NumberMetadata.CallingCode(digits) != HomeCallingCode))
        {
            found |= NumberClasses.International;
        }

        if ((wanted & NumberClasses.FromMetadata) != 0)
        {
            found |= Cache.Classify(digits) & wanted;
        }

        return found;
    }

    public bool InGroup(string groupId, ReadOnlySpan<char> number) => Groups[groupId].Matches(number);
}

using Softswitch.Domain;

namespace Softswitch.Switch.Numbers;

/// <summary>The <see cref="NumberClass"/> values as bits, so a rule's forbidden classes are one mask.</summary>
[Flags]
public enum NumberClasses
{
    None = 0,
    PremiumRate = 1 << NumberClass.PremiumRate,
    SharedCost = 1 << NumberClass.SharedCost,
    Satellite = 1 << NumberClass.Satellite,
    Invalid = 1 << NumberClass.Invalid,
    HighRisk = 1 << NumberClass.HighRisk,
    International = 1 << NumberClass.International,

    /// <summary>The classes only libphonenumber's metadata can tell (and that are cached per number).</summary>
    FromMetadata = PremiumRate | SharedCost | Invalid,
}

public static class NumberClassMask
{
    public static NumberClasses Of(IEnumerable<NumberClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return classes.Aggregate(NumberClasses.None, (mask, c) => mask | (NumberClasses)(1 << (int)c));
    }

    /// <summary>The lowest class in <paramref name="classes"/>, for the refusal's reason text.</summary>
    public static string FirstName(NumberClasses classes)
    {
        foreach (var c in Enum.GetValues<NumberClass>())
        {
            if ((classes & (NumberClasses)(1 << (int)c)) != 0)
            {
                return ReasonNames[(int)c];
            }
        }

        return "";
    }

    private static readonly string[] ReasonNames = ["premium-rate", "shared-cost", "satellite", "invalid", "high-risk", "international"];
}

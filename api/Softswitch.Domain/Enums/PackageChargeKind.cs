namespace Softswitch.Domain;

public enum PackageChargeKind
{
    /// <summary>The monthly rent of a period, charged at its start.</summary>
    Rent,

    /// <summary>What the account spent less than the package's minimum in a period, charged at its end.</summary>
    MinimumSpendShortfall,
}

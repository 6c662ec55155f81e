namespace Softswitch.Sdk;

public enum LedgerEntryKind
{
    Opening,
    TopUp,
    Adjustment,
    Refund,
    CallCharges,
    CdrCorrection,
    PackageRent,
    MinimumSpendShortfall,
}

namespace Softswitch.Domain;

/// <summary>Why an account's balance moved. Every movement is one ledger entry; the balance is their sum.</summary>
public enum LedgerEntryKind
{
    /// <summary>The balance given when the account was created.</summary>
    Opening,

    /// <summary>Money paid in by the customer.</summary>
    TopUp,

    /// <summary>A manual correction, either sign.</summary>
    Adjustment,

    /// <summary>Money given back to the customer.</summary>
    Refund,

    /// <summary>The charges of a batch of calls, posted with their CDRs in one transaction.</summary>
    CallCharges,

    /// <summary>A post-billing correction of one CDR's charge.</summary>
    CdrCorrection,

    /// <summary>A package's monthly rent.</summary>
    PackageRent,

    /// <summary>A package's minimum monthly spend, less what the calls of the period were charged.</summary>
    MinimumSpendShortfall,
}

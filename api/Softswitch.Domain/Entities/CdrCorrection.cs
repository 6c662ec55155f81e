namespace Softswitch.Domain;

/// <summary>
/// A post-billing correction of one CDR's charge (VOS3000 "modify CDR"): who changed it, when, why, from what to what,
/// and the ledger entry that moved the account's balance by the difference. Corrections are only ever added.
/// </summary>
public class CdrCorrection : TenantEntity
{
    public const int ReasonMaxLength = 500;

    public string CdrId { get; set; } = "";

    /// <summary>The charge before this correction; null when the call had not been rated.</summary>
    public decimal? OldCharge { get; set; }

    public decimal NewCharge { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The API key that made it.</summary>
    public string Actor { get; set; } = "";

    /// <summary>
    /// True until the rollup job has moved the reports by the difference: set when the CDR had already been folded
    /// into the rollups at the correction (a CDR folded later is folded with its corrected charge).
    /// </summary>
    public bool RollupPending { get; set; }

    /// <summary>The ledger entry that moved the balance by old − new; null when nothing moved (no account, or no difference).</summary>
    public string? LedgerEntryId { get; set; }
}

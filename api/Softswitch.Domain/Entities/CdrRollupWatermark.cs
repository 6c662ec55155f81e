namespace Softswitch.Domain;

/// <summary>
/// How far the rollup job has folded one tenant's CDRs, in the order they were stored: (<see cref="CdrCreatedAt"/>,
/// <see cref="CdrId"/>) of the last CDR folded. It is saved in the same transaction as the rollup rows it accounts
/// for, so a crash loses or repeats nothing. Storage order, not setup time: a late CDR (a call interrupted by a crash,
/// recovered at the next start) is stored after its hour has been folded and is still counted, once.
/// </summary>
public class CdrRollupWatermark : TenantEntity
{
    public DateTime CdrCreatedAt { get; set; }

    public string CdrId { get; set; } = "";
}

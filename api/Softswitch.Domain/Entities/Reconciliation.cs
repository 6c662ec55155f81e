namespace Softswitch.Domain;

/// <summary>
/// One comparison of a vendor's CDR file with our CDRs of that vendor trunk for a period (VOS3000 "bilateral
/// reconciliation"): the totals on both sides, how many calls matched, and every difference up to
/// <see cref="MaxStoredMismatches"/> (the counts are always complete).
/// </summary>
public class Reconciliation : TenantEntity
{
    public const int MaxStoredMismatches = 1_000;

    public string RoutingGatewayId { get; set; } = "";

    public DateTime PeriodFrom { get; set; }

    public DateTime PeriodTo { get; set; }

    public int StartToleranceSeconds { get; set; }

    public int DurationToleranceSeconds { get; set; }

    public decimal ChargeTolerance { get; set; }

    /// <summary>Deviation of the totals, in percent, past which the reconciliation raises an alarm.</summary>
    public decimal AlarmThresholdPercent { get; set; }

    public int OurCalls { get; set; }

    public int TheirCalls { get; set; }

    public int Matched { get; set; }

    public int MissingOurs { get; set; }

    public int MissingTheirs { get; set; }

    public int DurationMismatches { get; set; }

    public int ChargeMismatches { get; set; }

    /// <summary>Our cost of the period's answered calls on this trunk.</summary>
    public decimal OurCost { get; set; }

    /// <summary>What the vendor's file charges.</summary>
    public decimal TheirCharge { get; set; }

    public long OurSeconds { get; set; }

    public long TheirSeconds { get; set; }

    /// <summary>|their charge − our cost| / our cost, in percent (100 when we have no cost and they charge something).</summary>
    public decimal DeviationPercent { get; set; }

    public bool AlarmRaised { get; set; }

    public List<ReconciliationMismatch> Mismatches { get; set; } = [];
}

/// <summary>One difference; the side that lacks the call has nulls.</summary>
public class ReconciliationMismatch
{
    public MismatchKind Kind { get; set; }

    public string Callee { get; set; } = "";

    public DateTime Start { get; set; }

    public string? CdrId { get; set; }

    /// <summary>The line of the vendor's file.</summary>
    public int? Line { get; set; }

    public decimal? OurSeconds { get; set; }

    public decimal? TheirSeconds { get; set; }

    public decimal? OurCost { get; set; }

    public decimal? TheirCharge { get; set; }
}

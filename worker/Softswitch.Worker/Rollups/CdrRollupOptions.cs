using System.ComponentModel.DataAnnotations;

namespace Softswitch.Worker.Rollups;

/// <summary><c>Softswitch:Reports</c>: how the rollup job folds new CDRs into the hourly rows the reports read.</summary>
public sealed class CdrRollupOptions
{
    public const string Section = "Softswitch:Reports";

    /// <summary>
    /// A CDR is folded only once it has been stored this long. Rows are stamped before their insert commits (and a
    /// writer may wait behind another's transaction), so a later-committed row can carry an earlier stamp; the delay
    /// lets every such row land before the watermark passes its stamp. It also covers clock skew between processes.
    /// </summary>
    [Range(0, 3600)]
    public int SettleSeconds { get; set; } = 60;

    /// <summary>CDRs folded in one transaction.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>CDRs folded for one tenant in one run; the rest wait for the next run, so one busy tenant cannot stall the others.</summary>
    [Range(100, 10_000_000)]
    public int MaxCdrsPerTenantPerRun { get; set; } = 500_000;
}

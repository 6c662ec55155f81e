namespace Softswitch.Domain;

/// <summary>
/// What an account's calls used of one subscription's allowances in one period: added to in the transaction that
/// stores the calls' CDRs, so each stored CDR counts once. A new period starts from nothing.
/// </summary>
public class PackageUsage : TenantEntity
{
    public string SubscriptionId { get; set; } = "";

    /// <summary>The start of the period used (see <see cref="Subscription.PeriodsPaid"/>).</summary>
    public DateTime PeriodStart { get; set; }

    /// <summary>Free seconds used (VOS3000 "package usage duration").</summary>
    public long UsedSeconds { get; set; }

    /// <summary>Free amount used (VOS3000 "package charges").</summary>
    public decimal UsedAmount { get; set; }

    public int CallCount { get; set; }
}

namespace Softswitch.Domain;

/// <summary>
/// One charge of a subscription for one period: the job's durable record that the period's rent or shortfall was
/// charged. Unique per subscription, period and kind, so a second run of the renewal job charges nothing.
/// </summary>
public class PackageCharge : TenantEntity
{
    public string SubscriptionId { get; set; } = "";

    /// <summary>The start of the period charged.</summary>
    public DateTime PeriodStart { get; set; }

    public PackageChargeKind Kind { get; set; }

    public decimal Amount { get; set; }

    public string LedgerEntryId { get; set; } = "";
}

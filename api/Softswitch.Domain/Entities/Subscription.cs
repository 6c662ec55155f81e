namespace Softswitch.Domain;

/// <summary>An account's subscription to a <see cref="Package"/>, renewed month by month by the package renewal job.</summary>
public class Subscription : TenantEntity
{
    public string AccountId { get; set; } = "";

    public string PackageId { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public SubscriptionStatus Status { get; set; }

    /// <summary>Periods whose rent has been charged; period n (from 0) runs from StartsAt + n months to StartsAt + n + 1 months.</summary>
    public int PeriodsPaid { get; set; }

    /// <summary>The end of the last period paid for (StartsAt + PeriodsPaid months): the next renewal is due then.</summary>
    public DateTime PaidThrough { get; set; }

    /// <summary>When the subscription stopped (lapsed, suspended or cancelled).</summary>
    public DateTime? EndedAt { get; set; }
}

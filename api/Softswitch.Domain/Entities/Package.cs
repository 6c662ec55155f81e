namespace Softswitch.Domain;

/// <summary>
/// A customer package in the tenant's catalogue (VOS3000 2.1.9.07 "suite"): a monthly rent, allowances, a minimum
/// monthly spend, validity and renewal rules. Accounts take it through a <see cref="Subscription"/>.
/// </summary>
public class Package : TenantEntity
{
    public const int NameMaxLength = 100;
    public const int MaxFreePrefixes = 1_000;

    public string Name { get; set; } = "";

    /// <summary>ISO 4217 code; an account subscribes only to packages in its own currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Among overlapping packages of one account, the lower number is used first.</summary>
    public int Priority { get; set; }

    public decimal MonthlyRent { get; set; }

    /// <summary>Free talk time per period (VOS3000 "package minutes"), in seconds.</summary>
    public int FreeSeconds { get; set; }

    /// <summary>The destination prefixes the free time applies to; empty: every destination.</summary>
    public List<string> FreePrefixes { get; set; } = [];

    /// <summary>Free money per period, spent on calls before the balance.</summary>
    public decimal FreeAmount { get; set; }

    /// <summary>The least the account is charged for calls per period; the shortfall is charged at the period's end.</summary>
    public decimal MinimumMonthlySpend { get; set; }

    public DateTime EffectiveFrom { get; set; }

    /// <summary>No period starts at or after this; null: no end.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Renew monthly until expiry; false: the first period is the only one.</summary>
    public bool AutoRenew { get; set; } = true;

    public FailedRenewalMode FailedRenewal { get; set; }
}

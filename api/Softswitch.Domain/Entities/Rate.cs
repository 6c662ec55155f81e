namespace Softswitch.Domain;

/// <summary>The price of calls to a destination prefix within a <see cref="RateTable"/>, valid for a period.</summary>
public class Rate : TenantEntity
{
    public const int PrefixMaxLength = 32;
    public const int DescriptionMaxLength = 100;

    public string RateTableId { get; set; } = "";

    /// <summary>Destination digits; the longest matching prefix wins.</summary>
    public string Prefix { get; set; } = "";

    public string? Description { get; set; }

    public decimal PricePerMinute { get; set; }

    /// <summary>Minimum billed duration, e.g. 60 in 60/60 or 30 in 30/6 billing.</summary>
    public int FirstIncrementSeconds { get; set; } = 60;

    /// <summary>Billing step after the first increment.</summary>
    public int NextIncrementSeconds { get; set; } = 60;

    public decimal ConnectFee { get; set; }

    public DateTime EffectiveFrom { get; set; }

    /// <summary>Exclusive end of validity; null means open-ended.</summary>
    public DateTime? EffectiveTo { get; set; }

    public bool IsEffectiveAt(DateTime utc) => EffectiveFrom <= utc && (EffectiveTo is null || utc < EffectiveTo);
}

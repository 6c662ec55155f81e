namespace Softswitch.Sdk;

/// <summary>Creates a package.</summary>
public sealed class PackageOptions
{
    public required string Name { get; init; }

    public required string Currency { get; init; }

    public int? Priority { get; init; }

    public decimal? MonthlyRent { get; init; }

    public int? FreeSeconds { get; init; }

    public IReadOnlyList<string>? FreePrefixes { get; init; }

    public decimal? FreeAmount { get; init; }

    public decimal? MinimumMonthlySpend { get; init; }

    public DateTimeOffset? EffectiveFrom { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool? AutoRenew { get; init; }

    public FailedRenewalMode? FailedRenewal { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>A package in the tenant's catalogue (VOS3000 suite): monthly rent, free seconds or amount, minimum spend.</summary>
public sealed class Package
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Currency { get; init; }

    public required int Priority { get; init; }

    public required decimal MonthlyRent { get; init; }

    public required int FreeSeconds { get; init; }

    public required IReadOnlyList<string> FreePrefixes { get; init; }

    public required decimal FreeAmount { get; init; }

    public required decimal MinimumMonthlySpend { get; init; }

    public required DateTimeOffset EffectiveFrom { get; init; }

    public required DateTimeOffset? ExpiresAt { get; init; }

    public required bool AutoRenew { get; init; }

    public required FailedRenewalMode FailedRenewal { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Version { get; init; }
}

using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>A package in the tenant's catalogue (VOS3000 suite). Money has 6 decimal places; periods are calendar months from the subscription's start.</summary>
public sealed record PackageResponse(
    string Id,
    string Name,
    string Currency,
    int Priority,
    decimal MonthlyRent,
    int FreeSeconds,
    IReadOnlyList<string> FreePrefixes,
    decimal FreeAmount,
    decimal MinimumMonthlySpend,
    DateTime EffectiveFrom,
    DateTime? ExpiresAt,
    bool AutoRenew,
    FailedRenewalMode FailedRenewal,
    DateTime CreatedAt,
    long Version);

/// <summary>Creates a package.</summary>
public sealed record PackageRequest(
    string? Name,
    string? Currency,
    int? Priority,
    decimal? MonthlyRent,
    int? FreeSeconds,
    List<string>? FreePrefixes,
    decimal? FreeAmount,
    decimal? MinimumMonthlySpend,
    DateTime? EffectiveFrom,
    DateTime? ExpiresAt,
    bool? AutoRenew,
    FailedRenewalMode? FailedRenewal);

/// <summary>
/// An account's subscription to a package; <c>paid_through</c> is when the next renewal is due. <c>used_seconds</c> and
/// <c>used_amount</c> are what stored CDRs used of the current period's free seconds and free amount.
/// </summary>
public sealed record SubscriptionResponse(
    string Id,
    string AccountId,
    string PackageId,
    DateTime StartsAt,
    SubscriptionStatus Status,
    int PeriodsPaid,
    DateTime PaidThrough,
    DateTime? EndedAt,
    DateTime CreatedAt,
    long UsedSeconds,
    decimal UsedAmount);

/// <summary>Subscribes the account to a package from <c>starts_at</c> (default now); the first month's rent is charged at once.</summary>
public sealed record SubscriptionRequest(string? PackageId, DateTime? StartsAt);

public static class PackageMapping
{
    public static PackageResponse AsResponse(this Package p) => new(
        p.Id, p.Name, p.Currency, p.Priority, p.MonthlyRent, p.FreeSeconds, p.FreePrefixes, p.FreeAmount, p.MinimumMonthlySpend,
        p.EffectiveFrom, p.ExpiresAt, p.AutoRenew, p.FailedRenewal, p.CreatedAt, p.Version);

    public static SubscriptionResponse AsResponse(this Subscription s, PackageUsage? currentPeriod) => new(
        s.Id, s.AccountId, s.PackageId, s.StartsAt, s.Status, s.PeriodsPaid, s.PaidThrough, s.EndedAt, s.CreatedAt,
        currentPeriod?.UsedSeconds ?? 0, currentPeriod?.UsedAmount ?? 0m);
}

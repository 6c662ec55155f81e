namespace Softswitch.Switch.Billing;

/// <summary>
/// One active subscription's allowances for its current period, as read from the database: the package's free seconds
/// (for <paramref name="FreePrefixes"/>, or every destination when empty) and free amount, and what stored CDRs have
/// used of them by usage version <paramref name="UsageVersion"/>. Among an account's subscriptions the lower
/// <paramref name="Priority"/> is used first.
/// </summary>
public sealed record AllowanceTerms(
    string TenantId,
    string AccountId,
    string SubscriptionId,
    int Priority,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    int FreeSeconds,
    IReadOnlyList<string> FreePrefixes,
    decimal FreeAmount,
    long UsedSeconds,
    decimal UsedAmount,
    long UsageVersion);

namespace Softswitch.Domain.Billing;

/// <summary>
/// Part of a package allowance one call holds or used: free seconds or free money of one subscription's period
/// (a share carries one of the two; a package with both gives a call two shares).
/// </summary>
public sealed record PackageShare(string SubscriptionId, DateTime PeriodStart, int Seconds, decimal Amount);

namespace Softswitch.Sdk;

/// <summary>An account's subscription to a package; <see cref="PaidThrough"/> is when the next renewal is due, the used figures those of the current period.</summary>
public sealed class Subscription
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string PackageId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required SubscriptionStatus Status { get; init; }

    public required int PeriodsPaid { get; init; }

    public required DateTimeOffset PaidThrough { get; init; }

    public required DateTimeOffset? EndedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long UsedSeconds { get; init; }

    public required decimal UsedAmount { get; init; }
}

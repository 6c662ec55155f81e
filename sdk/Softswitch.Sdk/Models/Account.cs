namespace Softswitch.Sdk;

/// <summary>A customer (client) or vendor account. Money has 6 decimal places.</summary>
public sealed class Account
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required AccountKind Kind { get; init; }

    public required string Currency { get; init; }

    public required decimal Balance { get; init; }

    public required decimal CreditLimit { get; init; }

    public required decimal AvailableFunds { get; init; }

    public required AccountStatus Status { get; init; }

    public required IReadOnlyList<string> AccessIps { get; init; }

    public required string? RateTableId { get; init; }

    public required string? Notes { get; init; }

    public required int? MaxConcurrentCalls { get; init; }

    public required int? MaxCallsPerSecond { get; init; }

    public required int? MaxCallDurationSeconds { get; init; }

    public required NumberRule Destinations { get; init; }

    public required bool BlockInternational { get; init; }

    public required bool BlockPremium { get; init; }

    /// <summary>A balance movement below this raises a low-balance alert; null: none.</summary>
    public required decimal? LowBalanceThreshold { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

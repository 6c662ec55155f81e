namespace Softswitch.Sdk;

/// <summary>Replaces an account's settings (PUT); kind, currency and balance cannot change.</summary>
public sealed class AccountUpdateOptions
{
    public required string Name { get; init; }

    public required decimal CreditLimit { get; init; }

    public required AccountStatus Status { get; init; }

    public IReadOnlyList<string>? AccessIps { get; init; }

    public string? RateTableId { get; init; }

    public string? Notes { get; init; }

    public int? MaxConcurrentCalls { get; init; }

    public int? MaxCallsPerSecond { get; init; }

    public int? MaxCallDurationSeconds { get; init; }

    public NumberRule? Destinations { get; init; }

    public bool? BlockInternational { get; init; }

    public bool? BlockPremium { get; init; }

    public decimal? LowBalanceThreshold { get; init; }
}

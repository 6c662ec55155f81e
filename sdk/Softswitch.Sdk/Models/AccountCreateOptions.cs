namespace Softswitch.Sdk;

/// <summary>Creates an account; balance is the opening balance.</summary>
public sealed class AccountCreateOptions
{
    public required string Name { get; init; }

    public required AccountKind Kind { get; init; }

    public required string Currency { get; init; }

    public decimal? Balance { get; init; }

    public decimal? CreditLimit { get; init; }

    public AccountStatus? Status { get; init; }

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

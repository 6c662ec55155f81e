namespace Softswitch.Sdk;

/// <summary>The price of calls to a prefix, valid from effective_from until (excluding) effective_to.</summary>
public sealed class Rate
{
    public required string Id { get; init; }

    public required string RateTableId { get; init; }

    public required string Prefix { get; init; }

    public required string? Description { get; init; }

    public required decimal PricePerMinute { get; init; }

    public required int FirstIncrementSeconds { get; init; }

    public required int NextIncrementSeconds { get; init; }

    public required decimal ConnectFee { get; init; }

    public required DateTimeOffset EffectiveFrom { get; init; }

    public required DateTimeOffset? EffectiveTo { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }
}

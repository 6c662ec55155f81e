namespace Softswitch.Sdk;

/// <summary>Creates or replaces a rate. Increments default to 60/60 and the connect fee to 0.</summary>
public sealed class RateOptions
{
    public required string Prefix { get; init; }

    public string? Description { get; init; }

    public required decimal PricePerMinute { get; init; }

    public int? FirstIncrementSeconds { get; init; }

    public int? NextIncrementSeconds { get; init; }

    public decimal? ConnectFee { get; init; }

    public required DateTimeOffset EffectiveFrom { get; init; }

    public DateTimeOffset? EffectiveTo { get; init; }
}

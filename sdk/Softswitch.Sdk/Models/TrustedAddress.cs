namespace Softswitch.Sdk;

/// <summary>A block on the tenant's trusted list: counted against higher thresholds, alerted on instead of banned.</summary>
public sealed class TrustedAddress
{
    public required string Id { get; init; }

    public required string Block { get; init; }

    public required string? Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

namespace Softswitch.Sdk;

/// <summary>The tenant's home country (for "international") and high-risk prefixes.</summary>
public sealed class NumberSettings
{
    public required string? HomeCountry { get; init; }

    public required IReadOnlyList<string> HighRiskPrefixes { get; init; }

    public required long Version { get; init; }
}

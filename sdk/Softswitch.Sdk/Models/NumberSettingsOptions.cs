namespace Softswitch.Sdk;

/// <summary>Replaces the tenant's home country and high-risk prefixes (null prefixes: the built-in list).</summary>
public sealed class NumberSettingsOptions
{
    public string? HomeCountry { get; init; }

    public IReadOnlyList<string>? HighRiskPrefixes { get; init; }
}

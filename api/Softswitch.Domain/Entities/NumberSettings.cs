namespace Softswitch.Domain;

/// <summary>A tenant's number-layer settings; a tenant without a row has the defaults.</summary>
public class NumberSettings : TenantEntity
{
    public const int MaxHighRiskPrefixes = 10_000;

    /// <summary>
    /// ISO 3166-1 alpha-2 code of the tenant's home country. A number whose country calling code differs is
    /// international; with none set, every number is.
    /// </summary>
    public string? HomeCountry { get; set; }

    /// <summary>The prefixes of class <see cref="NumberClass.HighRisk"/>.</summary>
    public List<string> HighRiskPrefixes { get; set; } = [.. DefaultHighRiskPrefixes.All];
}

using Softswitch.Domain;

namespace Softswitch.Api.Contracts;

/// <summary>
/// The tenant's number-layer settings: the home country (ISO 3166-1 alpha-2) that decides what is international
/// (none: every number is), and the prefixes of the high-risk number class (a documented default until changed).
/// </summary>
public sealed record NumberSettingsResponse(string? HomeCountry, IReadOnlyList<string> HighRiskPrefixes, long Version);

/// <summary>Replaces the number-layer settings; omitted <c>high_risk_prefixes</c> restore the default set.</summary>
public sealed record NumberSettingsRequest(string? HomeCountry, List<string>? HighRiskPrefixes);

public static class NumberSettingsMapping
{
    public static NumberSettingsResponse AsResponse(this NumberSettings s) => new(s.HomeCountry, s.HighRiskPrefixes, s.Version);
}

namespace Softswitch.Domain;

/// <summary>
/// The high-risk prefix set a tenant starts with (E.164 country codes without '+'): destinations that international
/// revenue share fraud (IRSF) reports name again and again — small island and West African networks with high
/// termination rates, satellite and international-network ranges, and the international premium-rate code 979.
/// Tenants edit their copy with <c>PUT /v1/number-settings</c>.
/// </summary>
public static class DefaultHighRiskPrefixes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "53",   // Cuba
        "224",  // Guinea
        "225",  // Côte d'Ivoire
        "231",  // Liberia
        "232",  // Sierra Leone
        "239",  // São Tomé and Príncipe
        "252",  // Somalia
        "263",  // Zimbabwe
        "371",  // Latvia
        "674",  // Nauru
        "675",  // Papua New Guinea
        "677",  // Solomon Islands
        "678",  // Vanuatu
        "683",  // Niue
        "686",  // Kiribati
        "688",  // Tuvalu
        "690",  // Tokelau
        "870",  // Inmarsat
        "881",  // Global Mobile Satellite System
        "882",  // International Networks
        "883",  // International Networks
        "979",  // International Premium Rate Service
    ];
}

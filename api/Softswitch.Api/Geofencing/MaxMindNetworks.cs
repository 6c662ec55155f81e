using System.Net;
using System.Net.Sockets;
using MaxMind.Db;
using Softswitch.Domain;

namespace Softswitch.Api.Geofencing;

/// <summary>
/// The networks of chosen countries in an operator-supplied MaxMind-format database (GeoLite2-Country or
/// GeoIP2-Country shape: each record a map with <c>country.iso_code</c>, else <c>registered_country.iso_code</c>).
/// No database ships with the product; the operator uploads the one they licensed.
/// </summary>
public static class MaxMindNetworks
{
    /// <summary>The networks whose country is one of <paramref name="countries"/> (ISO 3166-1 alpha-2, upper case).</summary>
    /// <exception cref="InvalidDatabaseException">The bytes are not a MaxMind DB.</exception>
    public static List<AddressRange> Select(Stream database, IReadOnlySet<string> countries, int maxRanges, out bool tooMany)
    {
        ArgumentNullException.ThrowIfNull(countries);
        tooMany = false;
        var ranges = new List<AddressRange>();
        using var reader = new Reader(database);
        foreach (var node in reader.FindAll<Dictionary<string, object>>())
        {
            if (node.Data is null || CountryOf(node.Data) is not { } country || !countries.Contains(country))
            {
                continue;
            }

            if (ranges.Count == maxRanges)
            {
                tooMany = true;
                return [];
            }

            ranges.Add(ToRange(node.Start, node.PrefixLength));
        }

        return ranges;
    }

    private static string? CountryOf(Dictionary<string, object> record) =>
        IsoCode(record, "country") ?? IsoCode(record, "registered_country");

    private static string? IsoCode(Dictionary<string, object> record, string key) =>
        record.TryGetValue(key, out var value) && value is Dictionary<string, object> country
            && country.TryGetValue("iso_code", out var code) && code is string iso
            ? iso.ToUpperInvariant()
            : null;

    /// <summary>An IPv6 database keeps IPv4 in <c>::/96</c>: such a network is the IPv4 network it stands for.</summary>
    private static AddressRange ToRange(IPAddress start, int prefixLength)
    {
        if (start.AddressFamily == AddressFamily.InterNetworkV6 && prefixLength >= 96 && AddressRange.ToPoint(start) >> 32 == 0)
        {
            var bytes = start.GetAddressBytes();
            return AddressRange.FromNetwork(new IPAddress(bytes.AsSpan(12)), prefixLength - 96);
        }

        return AddressRange.FromNetwork(start, prefixLength);
    }
}

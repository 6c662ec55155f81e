using System.Net;
using System.Text.Json;

namespace Softswitch.Worker.ThreatFeed;

/// <summary>The addresses of an APIBAN-shaped document, <c>{"ipaddress":["203.0.113.7", …]}</c>, in canonical form.</summary>
public static class ThreatFeedDocument
{
    /// <summary>The valid, distinct addresses, at most <paramref name="max"/>, and how many entries were not addresses.</summary>
    /// <exception cref="JsonException">The document is not an object with an <c>ipaddress</c> array.</exception>
    public static (IReadOnlyList<string> Addresses, int Invalid) Read(string json, int max)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("ipaddress", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A threat feed is an object with an \"ipaddress\" array.");
        }

        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String && IPAddress.TryParse(entry.GetString(), out var address))
            {
                if (addresses.Count < max)
                {
                    addresses.Add((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
                }
            }
            else
            {
                invalid++;
            }
        }

        return ([.. addresses], invalid);
    }
}

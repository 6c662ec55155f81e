using System.Net;
using System.Text;

namespace Softswitch.Switch.Geofencing;

/// <summary>
/// The connection addresses (<c>c=</c> lines, session and media level, RFC 8866 §5.7) of a session description, as
/// the geofence checks them. The unspecified address (<c>0.0.0.0</c>, <c>::</c>) is a hold (RFC 3264 §8.4) and sends
/// no media, so it is not checked; a host name is not resolved and counts as outside every set.
/// </summary>
public static class SessionConnectionAddresses
{
    private const int MaxAddressLength = 64;

    /// <summary>The first connection address <paramref name="rule"/> refuses, as written, or null when it refuses none.</summary>
    public static string? FirstRefused(ReadOnlySpan<byte> body, GeofenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            if (line.Length > 2 && line[0] == (byte)'c' && line[1] == (byte)'=' && Refused(line[2..].TrimEnd((byte)'\r'), rule) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>c=IN IP4 203.0.113.1[/ttl[/count]] or c=IN IP6 2001:db8::1[/count].</summary>
    private static string? Refused(ReadOnlySpan<byte> value, GeofenceRule rule)
    {
        var fields = value.Trim((byte)' ');
        var lastSpace = fields.LastIndexOf((byte)' ');
        if (lastSpace < 0)
        {
            return null;
        }

        var address = fields[(lastSpace + 1)..];
        var slash = address.IndexOf((byte)'/');
        if (slash >= 0)
        {
            address = address[..slash];
        }

        if (address.IsEmpty || address.Length > MaxAddressLength)
        {
            return rule.Refuses(null) ? Encoding.ASCII.GetString(address) : null;
        }

        Span<char> text = stackalloc char[MaxAddressLength];
        var length = Encoding.ASCII.GetChars(address, text);
        IPAddress? parsed = IPAddress.TryParse(text[..length], out var ip) ? ip : null;
        if (parsed is not null && (parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any)))
        {
            return null;
        }

        return rule.Refuses(parsed) ? text[..length].ToString() : null;
    }
}

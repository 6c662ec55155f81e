namespace Softswitch.Switch.Redirect;

/// <summary>
/// The accept/deny filters on a redirect's targets. A host entry is a host (any port) or <c>host:port</c>; a prefix
/// entry starts the target's user part (the number). Deny wins over accept; an empty accept list accepts all.
/// </summary>
public sealed class ContactFilter
{
    public static readonly ContactFilter None = new([], [], [], []);

    private readonly string[] _acceptHosts;
    private readonly string[] _denyHosts;
    private readonly string[] _acceptPrefixes;
    private readonly string[] _denyPrefixes;

    public ContactFilter(IEnumerable<string> acceptHosts, IEnumerable<string> denyHosts, IEnumerable<string> acceptPrefixes, IEnumerable<string> denyPrefixes)
    {
        _acceptHosts = [.. acceptHosts];
        _denyHosts = [.. denyHosts];
        _acceptPrefixes = [.. acceptPrefixes];
        _denyPrefixes = [.. denyPrefixes];
    }

    public bool Allows(string host, int port, string number)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(number);
        if (MatchesHost(_denyHosts, host, port) || StartsWithAny(_denyPrefixes, number))
        {
            return false;
        }

        return (_acceptHosts.Length == 0 || MatchesHost(_acceptHosts, host, port))
            && (_acceptPrefixes.Length == 0 || StartsWithAny(_acceptPrefixes, number));
    }

    private static bool MatchesHost(string[] entries, string host, int port)
    {
        foreach (var entry in entries)
        {
            var colon = entry.LastIndexOf(':');
            var bracketed = entry.EndsWith(']');
            if (colon > 0 && !bracketed && entry.IndexOf(':') == colon)
            {
                if (string.Equals(entry[..colon], host, StringComparison.OrdinalIgnoreCase) && entry.AsSpan(colon + 1).SequenceEqual(port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    return true;
                }
            }
            else if (string.Equals(entry, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(string[] prefixes, string number)
    {
        foreach (var prefix in prefixes)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

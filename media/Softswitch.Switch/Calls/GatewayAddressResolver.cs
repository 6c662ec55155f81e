using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Turns a routing gateway's host and port into an endpoint. IP literals are parsed once; names are resolved with the
/// system resolver (A/AAAA, not RFC 3263 NAPTR/SRV) and cached for a minute so the call path rarely waits on DNS.
/// Every call to a vendor shares its endpoint object instead of holding one of its own.
/// </summary>
/// <remarks>
/// Hosts come from configuration and from redirect targets (3xx Contacts), so the cache is bounded: when it holds
/// <see cref="MaxEntries"/> it is emptied and refilled by the next calls.
/// </remarks>
internal sealed class GatewayAddressResolver(TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Host, int Port), (IPEndPoint EndPoint, DateTimeOffset Until)> _cache = new(HostPortComparer.Instance);

    public async ValueTask<IPEndPoint?> ResolveAsync(string host, int port)
    {
        if (_cache.TryGetValue((host, port), out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.EndPoint;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return Remember(host, port, address, DateTimeOffset.MaxValue);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null ? null : Remember(host, port, chosen, time.GetUtcNow() + CacheFor);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private IPEndPoint Remember(string host, int port, IPAddress address, DateTimeOffset until)
    {
        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        var endPoint = new IPEndPoint(address, port);
        _cache[(host, port)] = (endPoint, until);
        return endPoint;
    }

    private sealed class HostPortComparer : IEqualityComparer<(string Host, int Port)>
    {
        public static readonly HostPortComparer Instance = new();

        public bool Equals((string Host, int Port) x, (string Host, int Port) y) =>
            x.Port == y.Port && string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Host, int Port) key) => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Host), key.Port);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Switch.Calls;

/// <summary>
/// Turns a routing gateway's host into an address. IP literals cost nothing; names are resolved with the system
/// resolver (A/AAAA, not RFC 3263 NAPTR/SRV) and cached for a minute so the call path rarely waits on DNS.
/// </summary>
internal sealed class GatewayAddressResolver(TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (IPAddress Address, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<IPAddress?> ResolveAsync(string host)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return address;
        }

        if (_cache.TryGetValue(host, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Address;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            if (chosen is not null)
            {
                _cache[host] = (chosen, time.GetUtcNow() + CacheFor);
            }

            return chosen;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}

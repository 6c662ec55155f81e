using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Softswitch.Domain;

namespace Softswitch.Api.Endpoints;

/// <summary>
/// Bans as a script for the host firewall, so a banned source's packets stop before they reach the switch at all:
/// an <c>nft -f</c> file filling the sets <c>inet softswitch banned_v4</c> / <c>banned_v6</c>, or an
/// <c>ipset restore</c> file filling <c>softswitch-banned-v4</c> / <c>-v6</c>. Each entry carries its remaining
/// time as a timeout, so the firewall forgets it when the switch does. The operator's ruleset drops packets from
/// these sets; the script creates them if missing and replaces their contents.
/// </summary>
public static class FirewallExport
{
    public static string Write(string format, IReadOnlyList<IpBan> bans, DateTime now)
    {
        var byFamily = bans
            .Select(b => (Address: IPAddress.Parse(b.Address), Seconds: (long)Math.Ceiling((b.ExpiresAt - now).TotalSeconds)))
            .Where(b => b.Seconds > 0)
            .GroupBy(b => b.Address.AddressFamily == AddressFamily.InterNetwork ? "v4" : "v6")
            .ToDictionary(g => g.Key, g => g.ToList());
        var script = new StringBuilder();
        foreach (var family in new[] { "v4", "v6" })
        {
            var entries = byFamily.GetValueOrDefault(family) ?? [];
            if (format == "nftables")
            {
                Nftables(script, family, entries);
            }
            else
            {
                Ipset(script, family, entries);
            }
        }

        return script.ToString();
    }

    private static void Nftables(StringBuilder script, string family, List<(IPAddress Address, long Seconds)> entries)
    {
        var type = family == "v4" ? "ipv4_addr" : "ipv6_addr";
        script.Append(CultureInfo.InvariantCulture, $"add table inet softswitch\n");
        script.Append(CultureInfo.InvariantCulture, $"add set inet softswitch banned_{family} {{ type {type}; flags timeout; }}\n");
        script.Append(CultureInfo.InvariantCulture, $"flush set inet softswitch banned_{family}\n");
        if (entries.Count > 0)
        {
            script.Append(CultureInfo.InvariantCulture, $"add element inet softswitch banned_{family} {{ ");
            script.AppendJoin(", ", entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Address} timeout {e.Seconds}s")));
            script.Append(" }\n");
        }
    }

    private static void Ipset(StringBuilder script, string family, List<(IPAddress Address, long Seconds)> entries)
    {
        var inet = family == "v4" ? "inet" : "inet6";
        script.Append(CultureInfo.InvariantCulture, $"create softswitch-banned-{family} hash:ip family {inet} timeout 0 -exist\n");
        script.Append(CultureInfo.InvariantCulture, $"flush softswitch-banned-{family}\n");
        foreach (var (address, seconds) in entries)
        {
            // ipset's longest timeout is 2,147,483 s (about 24 days); a longer ban is exported again before then.
            script.Append(CultureInfo.InvariantCulture, $"add softswitch-banned-{family} {address} timeout {Math.Min(seconds, 2_147_483)} -exist\n");
        }
    }
}

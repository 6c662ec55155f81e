using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>
/// Finds the mapping gateway a call arrived on from its source address and callee, across all tenants.
/// </summary>
/// <remarks>
/// Blocks are grouped by address family and prefix length, each group a hash of masked network addresses, so a
/// lookup costs one hash probe per distinct prefix length rather than a scan of every block. Matching is
/// deterministic: among the gateways whose block contains the address and whose tech prefix starts the callee (a
/// gateway without a tech prefix matches with length 0), the most specific block wins first, then the longest tech
/// prefix. When that still leaves gateways of two tenants, the call is ambiguous and refused, never guessed (the API
/// refuses such overlapping claims; this guards rows that predate it). Within one tenant, the lower gateway id wins.
/// </remarks>
internal sealed class IngressTable
{
    private readonly BlockGroup[] _groups;

    public IngressTable(IEnumerable<MappingGatewayEntry> gateways)
    {
        var groups = new Dictionary<(AddressFamily, int), Dictionary<UInt128, List<MappingGatewayEntry>>>();
        foreach (var gateway in gateways)
        {
            foreach (var text in gateway.SourceAddresses)
            {
                if (!CidrBlock.TryParse(text, out var block))
                {
                    continue;
                }

                var canonical = block.ToString();
                var slash = canonical.IndexOf('/', StringComparison.Ordinal);
                var network = ToValue(IPAddress.Parse(slash < 0 ? canonical : canonical[..slash]));
                var key = (block.Family, block.PrefixLength);
                if (!groups.TryGetValue(key, out var networks))
                {
                    groups[key] = networks = [];
                }

                if (!networks.TryGetValue(network, out var list))
                {
                    networks[network] = list = [];
                }

                list.Add(gateway);
            }
        }

        _groups = groups
            .Select(g => new BlockGroup(
                g.Key.Item1,
                g.Key.Item2,
                g.Value.ToDictionary(n => n.Key, n => n.Value.DistinctBy(x => x.Id).OrderBy(x => x.Id, StringComparer.Ordinal).ToArray())))
            .OrderByDescending(g => g.PrefixLength)
            .ToArray();
    }

    public IngressLookup Match(IPAddress source, string callee, out IngressMatch match)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(callee);
        match = default;
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        var value = ToValue(source);
        foreach (var group in _groups)
        {
            if (group.Family != source.AddressFamily || !group.Networks.TryGetValue(value & group.Mask, out var candidates))
            {
                continue;
            }

            // Groups run from the most specific block down: the first group with a usable gateway decides.
            MappingGatewayEntry? best = null;
            var ambiguous = false;
            foreach (var candidate in candidates)
            {
                if (!callee.StartsWith(candidate.TechPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (best is null || candidate.TechPrefix.Length > best.TechPrefix.Length)
                {
                    best = candidate;
                    ambiguous = false;
                }
                else if (candidate.TechPrefix.Length == best.TechPrefix.Length && !string.Equals(candidate.TenantId, best.TenantId, StringComparison.Ordinal))
                {
                    ambiguous = true;
                }
            }

            if (ambiguous)
            {
                return IngressLookup.Ambiguous;
            }

            if (best is not null)
            {
                match = new IngressMatch(best, callee[best.TechPrefix.Length..]);
                return IngressLookup.Matched;
            }
        }

        return IngressLookup.Unknown;
    }

    /// <summary>The most specific mapping gateway whose source block holds <paramref name="source"/>, whatever its tech prefix.</summary>
    public MappingGatewayEntry? FindGatewayAt(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        var value = ToValue(source);
        foreach (var group in _groups)
        {
            if (group.Family == source.AddressFamily && group.Networks.TryGetValue(value & group.Mask, out var candidates))
            {
                return candidates[0];
            }
        }

        return null;
    }

    private static UInt128 ToValue(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return UInt128.Zero;
        }

        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private sealed class BlockGroup(AddressFamily family, int prefixLength, Dictionary<UInt128, MappingGatewayEntry[]> networks)
    {
        public AddressFamily Family { get; } = family;

        public int PrefixLength { get; } = prefixLength;

        public Dictionary<UInt128, MappingGatewayEntry[]> Networks { get; } = networks;

        public UInt128 Mask { get; } = MaskFor(family == AddressFamily.InterNetwork ? 32 : 128, prefixLength);

        private static UInt128 MaskFor(int bits, int prefixLength)
        {
            if (prefixLength == 0)
            {
                return UInt128.Zero;
            }

            var all = bits == 32 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
            return (all << (bits - prefixLength)) & all;
        }
    }
}

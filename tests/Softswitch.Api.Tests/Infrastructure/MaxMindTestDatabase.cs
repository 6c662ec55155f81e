using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Softswitch.Api.Tests.Infrastructure;

/// <summary>
/// Writes a small database in the MaxMind DB format (spec 2.0: a binary search tree of 24-bit records over 128-bit
/// IPv6 space with IPv4 at ::/96, a data section, and the metadata map after its marker), each network's record a
/// GeoLite2-Country-shaped map <c>{"country":{"iso_code":"DE"}}</c>. No country database ships with the product or
/// the tests, so the tests build their own.
/// </summary>
public sealed class MaxMindTestDatabase
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];

    private readonly Node _root = new();
    private readonly Dictionary<string, int> _dataOffsets = new(StringComparer.Ordinal);
    private readonly List<byte> _data = [];

    /// <summary>Adds <paramref name="cidr"/> (IPv4 or IPv6) with the record of country <paramref name="isoCode"/>.</summary>
    public MaxMindTestDatabase Network(string cidr, string isoCode)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = new byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.GetAddressBytes().CopyTo(bytes, 12);
            prefix += 96;
        }
        else
        {
            address.GetAddressBytes().CopyTo(bytes, 0);
        }

        var bits = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        var node = _root;
        for (var i = 0; i < prefix - 1; i++)
        {
            var bit = (int)((bits >> (127 - i)) & 1);
            node = node.Children[bit] ??= new Node();
        }

        node.Data[(int)((bits >> (128 - prefix)) & 1)] = DataOffset(isoCode);
        return this;
    }

    public byte[] ToArray()
    {
        var nodes = new List<Node>();
        Number(_root, nodes);
        var output = new List<byte>();
        var nodeCount = nodes.Count;
        foreach (var node in nodes)
        {
            for (var side = 0; side < 2; side++)
            {
                var record = node.Children[side] is { } child ? child.Number
                    : node.Data[side] is { } offset ? nodeCount + 16 + offset
                    : nodeCount;
                output.Add((byte)(record >> 16));
                output.Add((byte)(record >> 8));
                output.Add((byte)record);
            }
        }

        output.AddRange(new byte[16]);
        output.AddRange(_data);
        output.AddRange(MetadataMarker);
        var metadata = new List<byte>();
        Map(metadata, 9);
        Text(metadata, "binary_format_major_version"); UnsignedShort(metadata, 2);
        Text(metadata, "binary_format_minor_version"); UnsignedShort(metadata, 0);
        Text(metadata, "build_epoch"); metadata.AddRange([0x08, 0x02, 0, 0, 0, 0, 0x65, 0, 0, 0]);
        Text(metadata, "database_type"); Text(metadata, "GeoLite2-Country");
        Text(metadata, "description"); Map(metadata, 1); Text(metadata, "en"); Text(metadata, "Softswitch test database");
        Text(metadata, "ip_version"); UnsignedShort(metadata, 6);
        Text(metadata, "languages"); metadata.AddRange([0x01, 0x04]); Text(metadata, "en");
        Text(metadata, "node_count"); metadata.Add(0xC4); metadata.AddRange(BitConverter.GetBytes((uint)nodeCount).Reverse());
        Text(metadata, "record_size"); UnsignedShort(metadata, 24);
        output.AddRange(metadata);
        return [.. output];
    }

    private static void Number(Node node, List<Node> nodes)
    {
        node.Number = nodes.Count;
        nodes.Add(node);
        foreach (var child in node.Children)
        {
            if (child is not null)
            {
                Number(child, nodes);
            }
        }
    }

    private int DataOffset(string isoCode)
    {
        if (!_dataOffsets.TryGetValue(isoCode, out var offset))
        {
            offset = _data.Count;
            Map(_data, 1);
            Text(_data, "country");
            Map(_data, 1);
            Text(_data, "iso_code");
            Text(_data, isoCode);
            _dataOffsets[isoCode] = offset;
        }

        return offset;
    }

    private static void Map(List<byte> output, int size) => output.Add((byte)((7 << 5) | size));

    private static void Text(List<byte> output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        output.Add((byte)((2 << 5) | bytes.Length));
        output.AddRange(bytes);
    }

    private static void UnsignedShort(List<byte> output, ushort value) => output.AddRange([(5 << 5) | 2, (byte)(value >> 8), (byte)value]);

    private sealed class Node
    {
        public Node?[] Children { get; } = new Node?[2];

        public int?[] Data { get; } = new int?[2];

        public int Number { get; set; }
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Domain;

/// <summary>
/// An IPv4 or IPv6 address block such as <c>203.0.113.0/24</c> or <c>2001:db8::/32</c>; a bare
/// address is a block of one (<c>/32</c> or <c>/128</c>). Used for account access IPs and
/// mapping-gateway source addresses.
/// </summary>
/// <remarks>
/// Parsing is strict: host bits beyond the prefix must be zero (<c>10.0.0.1/24</c> is rejected as a
/// likely typo), IPv4 needs four dotted parts, and scope ids are refused. IPv4-mapped IPv6 addresses
/// (<c>::ffff:a.b.c.d</c>, as seen on dual-stack sockets) are treated as IPv4.
/// </remarks>
public readonly struct CidrBlock : IEquatable<CidrBlock>
{
    private readonly UInt128 _network;

    private CidrBlock(AddressFamily family, UInt128 network, int prefixLength)
    {
        Family = family;
        _network = network;
        PrefixLength = prefixLength;
    }

    public AddressFamily Family { get; }

    public int PrefixLength { get; }

    private int Bits => Family == AddressFamily.InterNetwork ? 32 : 128;

    public static CidrBlock Parse(string text) =>
        TryParse(text, out var block) ? block : throw new FormatException($"'{text}' is not an IP address or CIDR block.");

    public static bool TryParse(string? text, out CidrBlock block)
    {
        block = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var slash = span.IndexOf('/');
        var addressPart = slash < 0 ? span : span[..slash];
        if (!TryParseAddress(addressPart, out var family, out var value))
        {
            return false;
        }

        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var prefixLength = bits;
        if (slash >= 0)
        {
            var lengthPart = span[(slash + 1)..];
            if (lengthPart.Length is 0 or > 3
                || !int.TryParse(lengthPart, NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
                || prefixLength > bits)
            {
                return false;
            }
        }

        if ((value & ~Mask(bits, prefixLength)) != UInt128.Zero)
        {
            return false;
        }

        // An IPv4-mapped IPv6 block (::ffff:0:0/96 and longer) is the IPv4 block it maps.
        if (family == AddressFamily.InterNetworkV6 && prefixLength >= 96 && (value >> 32) == 0xFFFF)
        {
            block = new CidrBlock(AddressFamily.InterNetwork, value & uint.MaxValue, prefixLength - 96);
            return true;
        }

        block = new CidrBlock(family, value, prefixLength);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Family || Family == AddressFamily.Unspecified)
        {
            return false;
        }

        var value = ToValue(address);
        return ((value ^ _network) & Mask(Bits, PrefixLength)) == UInt128.Zero;
    }

    /// <summary>True when the two blocks share an address: same family, and one contains the other.</summary>
    public bool Overlaps(CidrBlock other)
    {
        if (Family != other.Family || Family == AddressFamily.Unspecified)
        {
            return false;
        }

        var common = Math.Min(PrefixLength, other.PrefixLength);
        return ((_network ^ other._network) & Mask(Bits, common)) == UInt128.Zero;
    }

    /// <summary>True when any valid entry of <paramref name="blocks"/> contains the address; invalid entries are skipped.</summary>
    public static bool AnyContains(IEnumerable<string> blocks, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var text in blocks)
        {
            if (TryParse(text, out var block) && block.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Canonical form; a single address is written without its prefix length.</summary>
    public override string ToString()
    {
        if (Family == AddressFamily.Unspecified)
        {
            return "";
        }

        var address = ToAddress(Family, _network);
        return PrefixLength == Bits
            ? address.ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{address}/{PrefixLength}");
    }

    public bool Equals(CidrBlock other) =>
        Family == other.Family && PrefixLength == other.PrefixLength && _network == other._network;

    public override bool Equals(object? obj) => obj is CidrBlock other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Family, _network, PrefixLength);

    public static bool operator ==(CidrBlock left, CidrBlock right) => left.Equals(right);

    public static bool operator !=(CidrBlock left, CidrBlock right) => !left.Equals(right);

    private static bool TryParseAddress(ReadOnlySpan<char> text, out AddressFamily family, out UInt128 value)
    {
        family = AddressFamily.Unspecified;
        value = UInt128.Zero;

        // IPAddress.TryParse also accepts inet_aton shorthands ("10.1", "167772161") and scope ids;
        // an access list must say exactly what it means.
        if (text.IsEmpty || text.Contains('%') || !IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork && text.Count('.') != 3)
        {
            return false;
        }

        family = address.AddressFamily;
        value = ToValue(address);
        return family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
    }

    private static UInt128 ToValue(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return UInt128.Zero;
        }

        return written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static IPAddress ToAddress(AddressFamily family, UInt128 value)
    {
        if (family == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(v4, (uint)value);
            return new IPAddress(v4);
        }

        Span<byte> v6 = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(v6, value);
        return new IPAddress(v6);
    }

    private static UInt128 Mask(int bits, int prefixLength)
    {
        if (prefixLength == 0)
        {
            return UInt128.Zero;
        }

        var all = bits == 32 ? (UInt128)uint.MaxValue : UInt128.MaxValue;
        return (all << (bits - prefixLength)) & all;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Softswitch.Domain;

/// <summary>
/// An inclusive range of IP addresses, written as a CIDR block (<c>198.51.100.0/24</c>), a start address and a count
/// (<c>198.51.100.0+256</c>), or a single address. IPv4 and IPv6 share one 128-bit space in which IPv4 is the
/// IPv4-mapped block <c>::ffff:0:0/96</c> (RFC 4291 §2.5.5.2), so an IPv4 address and its mapped form on a dual-stack
/// socket are the same point and one sorted array can hold both families.
/// </summary>
/// <remarks>
/// A range never crosses a family: an IPv4 start plus a count past 255.255.255.255 is invalid rather than spilling
/// into the IPv6 addresses that follow the mapped block.
/// </remarks>
public readonly record struct AddressRange(UInt128 First, UInt128 Last)
{
    public const int MaxTextLength = 80;

    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;
    private static readonly UInt128 MappedLast = MappedPrefix | uint.MaxValue;

    public bool IsIPv4 => First >= MappedPrefix && Last <= MappedLast;

    public IPAddress FirstAddress => ToAddress(First);

    public IPAddress LastAddress => ToAddress(Last);

    /// <summary>Addresses in the range, minus one (a single address is 0), so the whole IPv6 space fits.</summary>
    public UInt128 SizeMinusOne => Last - First;

    public bool Contains(UInt128 point) => First <= point && point <= Last;

    public static AddressRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not an address range.");

    /// <summary>Parses <c>address</c>, <c>address/prefix</c> (host bits zero) or <c>address+count</c> (count ≥ 1).</summary>
    public static bool TryParse(string? text, out AddressRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var plus = span.IndexOf('+');
        if (plus < 0)
        {
            if (!CidrBlock.TryParse(span.ToString(), out var block))
            {
                return false;
            }

            range = FromCidr(block);
            return true;
        }

        return TryParseAddress(span[..plus], out var start, out var ipv4)
            && UInt128.TryParse(span[(plus + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && TryFromStartAndCount(start, count, ipv4, out range);
    }

    /// <summary>The range a stored row holds (<see cref="IpRange.First"/>, <see cref="IpRange.Last"/>); false for text that is not one.</summary>
    public static bool TryFromStored(string first, string last, out AddressRange range)
    {
        range = default;
        if (!TryParseAddress(first, out var from, out var ipv4) || !TryParseAddress(last, out var to, out var lastIpv4)
            || ipv4 != lastIpv4 || to < from)
        {
            return false;
        }

        range = new AddressRange(from, to);
        return true;
    }

    /// <summary>The range of <paramref name="count"/> addresses from <paramref name="first"/>; false when it would leave the family.</summary>
    public static bool TryFromStartAndCount(IPAddress first, UInt128 count, out AddressRange range)
    {
        ArgumentNullException.ThrowIfNull(first);
        var ipv4 = first.AddressFamily == AddressFamily.InterNetwork || first.IsIPv4MappedToIPv6;
        return TryFromStartAndCount(ToPoint(first), count, ipv4, out range);
    }

    public static AddressRange FromCidr(CidrBlock block)
    {
        var bits = block.Family == AddressFamily.InterNetwork ? 32 : 128;
        var first = ToPoint(IPAddress.Parse(block.ToString().Split('/')[0]));
        var hostBits = bits - block.PrefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return new AddressRange(first, first + span);
    }

    /// <summary>A network of <paramref name="prefixLength"/> bits at <paramref name="network"/>, as an .mmdb file lists them.</summary>
    public static AddressRange FromNetwork(IPAddress network, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(network);
        var ipv4 = network.AddressFamily == AddressFamily.InterNetwork;
        var bits = ipv4 ? 32 : 128;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bits);
        var hostBits = bits - prefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = ToPoint(network) & ~span;
        return new AddressRange(first, first + span);
    }

    /// <summary>The point of <paramref name="address"/> in the shared space; IPv4 and IPv4-mapped IPv6 give the same point.</summary>
    public static UInt128 ToPoint(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress ToAddress(UInt128 point)
    {
        if ((point >> 32) == 0xFFFF)
        {
            Span<byte> v4 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(v4, (uint)point);
            return new IPAddress(v4);
        }

        Span<byte> v6 = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(v6, point);
        return new IPAddress(v6);
    }

    /// <summary>The CIDR block the range is exactly, or null when it is not one.</summary>
    public string? ToCidr()
    {
        var size = SizeMinusOne;
        if (size != UInt128.MaxValue && !UInt128.IsPow2(size + 1))
        {
            return null;
        }

        var hostBits = size == UInt128.MaxValue ? 128 : (int)UInt128.Log2(size + 1);
        if ((First & size) != 0)
        {
            return null;
        }

        var ipv4 = IsIPv4;
        if (ipv4 && hostBits > 32)
        {
            return null;
        }

        var prefix = (ipv4 ? 32 : 128) - hostBits;
        return string.Create(CultureInfo.InvariantCulture, $"{FirstAddress}/{prefix}");
    }

    private static bool TryFromStartAndCount(UInt128 start, UInt128 count, bool ipv4, out AddressRange range)
    {
        range = default;
        if (count == 0)
        {
            return false;
        }

        var limit = ipv4 ? MappedLast : UInt128.MaxValue;
        if (count - 1 > limit - start)
        {
            return false;
        }

        range = new AddressRange(start, start + (count - 1));
        return true;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 point, out bool ipv4)
    {
        point = 0;
        ipv4 = false;
        if (!CidrBlock.TryParse(text.ToString(), out var block) || block.PrefixLength != (block.Family == AddressFamily.InterNetwork ? 32 : 128))
        {
            return false;
        }

        ipv4 = block.Family == AddressFamily.InterNetwork;
        point = ToPoint(IPAddress.Parse(block.ToString()));
        return true;
    }

    public override string ToString() => ToCidr() is { } cidr && SizeMinusOne != 0
        ? cidr
        : SizeMinusOne == 0
            ? FirstAddress.ToString()
            : string.Create(CultureInfo.InvariantCulture, $"{FirstAddress}+{SizeMinusOne + 1}");

}

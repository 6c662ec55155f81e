using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Tests.Geofencing;

/// <summary>Ranges as CIDR blocks or start + count, IPv4 and IPv6, and their edges.</summary>
public sealed class AddressRangeTests
{
    [Theory]
    [InlineData("198.51.100.0/24", "198.51.100.0", "198.51.100.255")]
    [InlineData("198.51.100.7", "198.51.100.7", "198.51.100.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    [InlineData("198.51.100.0+256", "198.51.100.0", "198.51.100.255")]
    [InlineData("198.51.100.10+5", "198.51.100.10", "198.51.100.14")]
    [InlineData("255.255.255.255+1", "255.255.255.255", "255.255.255.255")]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::+65536", "2001:db8::", "2001:db8::ffff")]
    [InlineData("::ffff:198.51.100.0/120", "198.51.100.0", "198.51.100.255")]
    public void Parses_cidr_blocks_and_start_plus_count(string text, string first, string last)
    {
        var range = AddressRange.Parse(text);

        Assert.Equal((IPAddress.Parse(first), IPAddress.Parse(last)), (range.FirstAddress, range.LastAddress));
    }

    [Theory]
    [InlineData("255.255.255.255+2")]
    [InlineData("198.51.100.0+4294967297")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff+2")]
    [InlineData("198.51.100.0+0")]
    [InlineData("198.51.100.1/24")]
    [InlineData("198.51.100.0/33")]
    [InlineData("10.1+5")]
    [InlineData("not-an-address")]
    [InlineData("")]
    public void Refuses_ranges_that_overflow_their_family_or_are_malformed(string text)
    {
        Assert.False(AddressRange.TryParse(text, out _));
    }

    [Fact]
    public void An_ipv4_range_never_spills_into_ipv6_whatever_the_count()
    {
        Assert.True(AddressRange.TryParse("0.0.0.0+4294967296", out var whole));
        Assert.Equal("0.0.0.0/0", whole.ToCidr());
        Assert.False(AddressRange.TryParse("0.0.0.1+4294967296", out _));
    }

    [Fact]
    public void An_ipv4_address_and_its_mapped_ipv6_form_are_one_point()
    {
        Assert.Equal(
            AddressRange.ToPoint(IPAddress.Parse("198.51.100.7")),
            AddressRange.ToPoint(IPAddress.Parse("198.51.100.7").MapToIPv6()));
    }

    [Theory]
    [InlineData("198.51.100.0+256", "198.51.100.0/24")]
    [InlineData("198.51.100.0+255", null)]
    [InlineData("198.51.100.128+256", null)]
    [InlineData("2001:db8::/48", "2001:db8::/48")]
    [InlineData("203.0.113.5", "203.0.113.5/32")]
    public void Names_the_cidr_block_a_range_is_exactly(string text, string? cidr)
    {
        Assert.Equal(cidr, AddressRange.Parse(text).ToCidr());
    }

    [Fact]
    public void Stored_rows_round_trip_and_mixed_families_do_not()
    {
        var range = AddressRange.Parse("198.51.100.10+5");

        Assert.True(AddressRange.TryFromStored(range.FirstAddress.ToString(), range.LastAddress.ToString(), out var back));
        Assert.Equal(range, back);
        Assert.False(AddressRange.TryFromStored("198.51.100.10", "2001:db8::1", out _));
        Assert.False(AddressRange.TryFromStored("198.51.100.10", "198.51.100.9", out _));
    }
}

using System.Net;
using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Tests.Geofencing;

/// <summary>The sorted range index the call path looks addresses up in.</summary>
public sealed class IpRangeIndexTests
{
    [Theory]
    [InlineData("198.51.99.255", false)]
    [InlineData("198.51.100.0", true)]
    [InlineData("198.51.100.255", true)]
    [InlineData("198.51.101.0", false)]
    [InlineData("203.0.113.10", true)]
    [InlineData("203.0.113.14", true)]
    [InlineData("203.0.113.15", false)]
    [InlineData("2001:db8::1", true)]
    [InlineData("2001:db9::", false)]
    [InlineData("::ffff:198.51.100.7", true)]
    [InlineData("::198.51.100.7", false)]
    public void Finds_addresses_at_and_around_the_edges(string address, bool inside)
    {
        var index = Index("198.51.100.0/24", "203.0.113.10+5", "2001:db8::/32");

        Assert.Equal(inside, index.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void Overlapping_and_touching_ranges_merge()
    {
        var index = Index("10.0.0.0/24", "10.0.0.128/25", "10.0.1.0+10", "10.0.0.5", "10.0.2.0/24", "2001:db8::/33", "2001:db8:8000::/33");

        Assert.Equal(3, index.Count);
        Assert.True(index.Contains(IPAddress.Parse("10.0.1.9")));
        Assert.False(index.Contains(IPAddress.Parse("10.0.1.10")));
        Assert.True(index.Contains(IPAddress.Parse("10.0.2.255")));
        Assert.True(index.Contains(IPAddress.Parse("2001:db8:ffff::1")));
    }

    [Fact]
    public void The_whole_spaces_and_the_top_address_are_held()
    {
        var index = Index("255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124");

        Assert.True(index.Contains(IPAddress.Parse("255.255.255.255")));
        Assert.False(index.Contains(IPAddress.Parse("255.255.255.254")));
        Assert.True(index.Contains(IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        Assert.Equal(2, index.Count);
        Assert.True(Index("::/0").Contains(IPAddress.Parse("2001:db8::1")));
    }

    [Fact]
    public void An_empty_set_holds_nothing()
    {
        Assert.False(IpRangeIndex.Empty.Contains(IPAddress.Loopback));
        Assert.False(IpRangeIndex.Empty.Contains(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void Agrees_with_a_linear_scan_over_random_ranges()
    {
        var random = new Random(8);
        var ranges = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var first = (uint)random.NextInt64(0, uint.MaxValue - 70_000);
            return AddressRange.Parse($"{new IPAddress(BitConverter.GetBytes(first).Reverse().ToArray())}+{random.Next(1, 70_000)}");
        }).ToList();
        var index = IpRangeIndex.Build(ranges);

        for (var i = 0; i < 20_000; i++)
        {
            var address = new IPAddress(BitConverter.GetBytes((uint)random.NextInt64(0, uint.MaxValue)));
            var point = AddressRange.ToPoint(address);
            Assert.Equal(ranges.Any(r => r.Contains(point)), index.Contains(address));
        }
    }

    [Fact]
    public void An_ipv4_range_costs_8_bytes_and_an_ipv6_range_32()
    {
        var index = Index("10.0.0.0/24", "10.0.2.0/24", "2001:db8::/32");

        Assert.Equal((2 * 8) + 32, index.Bytes);
    }

    private static IpRangeIndex Index(params string[] ranges) => IpRangeIndex.Build(ranges.Select(AddressRange.Parse));
}

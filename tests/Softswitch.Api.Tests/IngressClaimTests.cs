using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>The pure rule behind tenant-unique ingress: when could one INVITE match two claims?</summary>
public sealed class IngressClaimTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/24", "10.0.1.0/24", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("2001:db8::/48", "2001:db8:0:ffff::/64", true)]
    [InlineData("2001:db8::/48", "2001:db8:1::/48", false)]
    [InlineData("::ffff:10.0.0.1", "10.0.0.0/24", true)]
    public void Blocks_overlap_when_one_contains_the_other(string a, string b, bool overlap)
    {
        Assert.Equal(overlap, CidrBlock.Parse(a).Overlaps(CidrBlock.Parse(b)));
        Assert.Equal(overlap, CidrBlock.Parse(b).Overlaps(CidrBlock.Parse(a)));
    }

    [Theory]
    [InlineData("77", "77", true)]
    [InlineData("77", "771", true)]
    [InlineData("", "9", true)]
    [InlineData("", "", true)]
    [InlineData("77", "78", false)]
    [InlineData("771", "772", false)]
    public void Prefixes_collide_when_one_starts_the_other(string a, string b, bool collide)
    {
        var left = new IngressClaim(CidrBlock.Parse("192.0.2.0/24"), a);
        var right = new IngressClaim(CidrBlock.Parse("192.0.2.7"), b);

        Assert.Equal(collide, left.CouldMatchTheSameInvite(right));
        Assert.Equal(collide, right.CouldMatchTheSameInvite(left));
    }

    [Fact]
    public void Disjoint_blocks_never_collide_whatever_the_prefixes()
    {
        var left = new IngressClaim(CidrBlock.Parse("192.0.2.0/25"), "");
        var right = new IngressClaim(CidrBlock.Parse("192.0.2.128/25"), "");

        Assert.False(left.CouldMatchTheSameInvite(right));
    }
}

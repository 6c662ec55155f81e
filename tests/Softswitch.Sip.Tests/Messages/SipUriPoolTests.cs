using Softswitch.Sip.Messages;
using Xunit;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>Dialogs share a URI only with one written exactly the same.</summary>
public sealed class SipUriPoolTests
{
    [Fact]
    public void The_same_contact_parsed_twice_is_shared()
    {
        var first = SipUriPool.Share(SipUri.Parse("sip:gw@198.51.100.20:5080;transport=UDP"));
        var second = SipUriPool.Share(SipUri.Parse("sip:gw@198.51.100.20:5080;transport=UDP"));

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("sip:GW@198.51.100.21:5080;transport=UDP")]
    [InlineData("sip:gw@198.51.100.21:5081;transport=UDP")]
    [InlineData("sip:gw@198.51.100.21:5080;transport=udp")]
    [InlineData("sip:gw@198.51.100.21:5080;transport=UDP;lr")]
    [InlineData("sip:gw@198.51.100.21:5080")]
    [InlineData("sips:gw@198.51.100.21:5080;transport=UDP")]
    [InlineData("sip:gw@198.51.100.21:5080;transport=UDP?X-A=1")]
    public void A_URI_written_differently_is_not_shared(string other)
    {
        var pooled = SipUriPool.Share(SipUri.Parse("sip:gw@198.51.100.21:5080;transport=UDP"));

        var shared = SipUriPool.Share(SipUri.Parse(other));

        Assert.NotSame(pooled, shared);
        Assert.Equal(other, shared.ToString());
    }

    [Fact]
    public void Every_URI_of_a_flood_bigger_than_the_table_comes_back_as_written()
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 10_000; i++)
            {
                var text = $"sip:{i}@203.0.113.{i % 250}:{5060 + (i % 7)}";
                Assert.Equal(text, SipUriPool.Share(SipUri.Parse(text)).ToString());
            }
        }
    }
}

using System.Text;
using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Tests.Geofencing;

/// <summary>The c= lines of offers and answers, as the geofence reads them.</summary>
public sealed class SessionConnectionAddressesTests
{
    private static readonly GeofenceRule ForbidAbroad = new("gfn", GeofenceScope.Tenant, GeofenceMode.Forbidden, IpRangeIndex.Build([AddressRange.Parse("203.0.113.0/24"), AddressRange.Parse("2001:db8::/32")]), 403);
    private static readonly GeofenceRule AllowHome = new("gfn", GeofenceScope.Tenant, GeofenceMode.Allow, IpRangeIndex.Build([AddressRange.Parse("198.51.100.0/24")]), 403);

    [Theory]
    [InlineData("c=IN IP4 203.0.113.5", "203.0.113.5")]
    [InlineData("c=IN IP4 203.0.113.5/127", "203.0.113.5")]
    [InlineData("c=IN IP6 2001:db8::5", "2001:db8::5")]
    [InlineData("c=IN IP4 198.51.100.5", null)]
    [InlineData("c=IN IP4 0.0.0.0", null)]
    public void A_forbidden_connection_address_is_found_at_session_level(string line, string? refused)
    {
        Assert.Equal(refused, SessionConnectionAddresses.FirstRefused(Sdp(line, "c=IN IP4 198.51.100.9"), ForbidAbroad));
    }

    [Fact]
    public void A_media_level_address_is_checked_too()
    {
        var sdp = Sdp("c=IN IP4 198.51.100.5", "c=IN IP4 203.0.113.77");

        Assert.Equal("203.0.113.77", SessionConnectionAddresses.FirstRefused(sdp, ForbidAbroad));
    }

    [Theory]
    [InlineData("c=IN IP4 198.51.100.5", null)]
    [InlineData("c=IN IP4 203.0.113.5", "203.0.113.5")]
    [InlineData("c=IN IP4 media.example.net", "media.example.net")]
    [InlineData("c=IN IP6 ::", null)]
    public void Allow_refuses_what_it_cannot_place_inside(string line, string? refused)
    {
        Assert.Equal(refused, SessionConnectionAddresses.FirstRefused(Sdp(line, line), AllowHome));
    }

    [Fact]
    public void A_host_name_passes_a_forbidden_set()
    {
        Assert.Null(SessionConnectionAddresses.FirstRefused(Sdp("c=IN IP4 media.example.net", "c=IN IP4 media.example.net"), ForbidAbroad));
    }

    private static byte[] Sdp(string sessionConnection, string mediaConnection) => Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 198.51.100.1\r\ns=-\r\n" + sessionConnection + "\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n" + mediaConnection + "\r\na=rtpmap:0 PCMU/8000\r\n");
}

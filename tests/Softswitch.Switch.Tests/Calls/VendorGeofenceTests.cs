using System.Text;
using Softswitch.Domain;
using Softswitch.Switch.Tests.Geofencing;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>The vendor's side of geofencing: a refused answer or source ends that attempt, acknowledged and hung up.</summary>
public sealed class VendorGeofenceTests
{
    private static readonly byte[] AnswerFromAbroad = Encoding.ASCII.GetBytes(
        "v=0\r\no=vendor 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 203.0.113.9\r\nt=0 0\r\nm=audio 50000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");

    [Fact]
    public async Task A_vendor_answer_with_a_forbidden_media_address_is_hung_up_and_the_attempt_fails()
    {
        var fences = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence(LoopbackTrunks.Tenant, GeofenceScope.RoutingGateway, LoopbackTrunks.RoutingGateway, "abroad", GeofenceMode.Forbidden).Source();
        await using var rig = new B2buaFixture(geofences: fences);
        rig.Vendor.InviteAnswer = new InviteAnswer { Body = AnswerFromAbroad };

        var response = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(500, response.StatusCode);
        await rig.Vendor.Acks.WaitAsync(_ => true, "ACK of the refused answer");
        await rig.Vendor.Requests.WaitAsync(r => r.Method == Softswitch.Sip.Messages.SipMethods.Bye, "BYE of the refused answer");
        var cdr = await rig.Cdrs.Finals.WaitAsync(_ => true, "final CDR");
        Assert.Equal([503], cdr.Attempts.Select(a => a.ResponseCode));
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_vendor_outside_its_allow_set_is_refused_by_its_signalling_source()
    {
        var fences = new GeofenceRows().Set("elsewhere", "198.51.100.0/24")
            .Fence(LoopbackTrunks.Tenant, GeofenceScope.RoutingGateway, LoopbackTrunks.RoutingGateway, "elsewhere", GeofenceMode.Allow).Source();
        await using var rig = new B2buaFixture(geofences: fences);

        var response = await rig.Caller.SendAsync(rig.Invite(), rig.SwitchEndPoint);

        Assert.Equal(500, response.StatusCode);
        await rig.Vendor.Requests.WaitAsync(r => r.Method == Softswitch.Sip.Messages.SipMethods.Bye, "BYE of the refused answer");
        await rig.AssertCallsReleasedAsync();
    }

    [Fact]
    public async Task A_vendor_the_fence_admits_carries_the_call()
    {
        var fences = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence(LoopbackTrunks.Tenant, GeofenceScope.Tenant, null, "abroad", GeofenceMode.Forbidden).Source();
        await using var rig = new B2buaFixture(geofences: fences);

        var (dialog, _) = await rig.ConnectAsync();
        await rig.HangUpAsync(dialog);

        await rig.AssertCallsReleasedAsync();
    }
}

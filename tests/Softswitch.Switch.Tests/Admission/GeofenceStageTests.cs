using System.Net;
using System.Text;
using Softswitch.Domain;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Admission;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Geofencing;
using Softswitch.Switch.Tests.Geofencing;

namespace Softswitch.Switch.Tests.Admission;

/// <summary>The geofence-source and geofence-sdp stages after ingress: the caller's source address and offer.</summary>
public sealed class GeofenceStageTests
{
    [Fact]
    public async Task A_source_inside_a_forbidden_set_gets_403_naming_the_rule()
    {
        var rig = new AdmissionRig();
        var fences = new GeofenceRows().Set("s", "198.51.100.0/24").Fence("t", GeofenceScope.Tenant, null, "s", GeofenceMode.Forbidden).Source();

        var refused = await new GeofenceSourceStage(fences).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal((AdmissionVerdict.Reject, 403, "geofence-source"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Contains("geofence-source: source address inside a forbidden", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_outside_an_allow_set_gets_the_fences_status()
    {
        var rig = new AdmissionRig();
        var fences = new GeofenceRows().Set("s", "203.0.113.0/24")
            .Fence("t", GeofenceScope.MappingGateway, "trunk", "s", GeofenceMode.Allow, status: 488).Source();

        var refused = await new GeofenceSourceStage(fences).EvaluateAsync(await IdentifiedAsync(rig));

        Assert.Equal((488, "geofence-source"), (refused.Response!.StatusCode, refused.RuleId));
    }

    [Theory]
    [InlineData(GeofenceMode.Allow, "198.51.100.0/24")]
    [InlineData(GeofenceMode.Forbidden, "203.0.113.0/24")]
    [InlineData(GeofenceMode.Ignore, "198.51.100.0/24")]
    public async Task A_source_the_fence_admits_continues(GeofenceMode mode, string range)
    {
        var rig = new AdmissionRig();
        var fences = new GeofenceRows().Set("s", range).Fence("t", GeofenceScope.Tenant, null, "s", mode).Source();

        Assert.True((await new GeofenceSourceStage(fences).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task Another_tenants_fence_never_refuses_this_tenants_call()
    {
        var rig = new AdmissionRig(neighbour: []);
        var fences = new GeofenceRows().Set("s", "198.51.100.0/24").Fence("n", GeofenceScope.Tenant, null, "s", GeofenceMode.Forbidden).Source();

        Assert.True((await new GeofenceSourceStage(fences).EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
    }

    [Fact]
    public async Task A_new_policy_is_in_force_for_the_next_call()
    {
        var rig = new AdmissionRig();
        var fences = new GeofencePolicySource();
        var stage = new GeofenceSourceStage(fences);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);

        fences.Publish(new GeofenceRows().Set("s", "198.51.100.7").Fence("t", GeofenceScope.Tenant, null, "s", GeofenceMode.Forbidden).Policy());

        Assert.Equal(403, (await stage.EvaluateAsync(await IdentifiedAsync(rig))).Response!.StatusCode);
    }

    [Fact]
    public async Task An_offer_with_a_forbidden_media_address_gets_403_from_geofence_sdp()
    {
        var rig = new AdmissionRig();
        var fences = new GeofenceRows().Set("s", "203.0.113.0/24").Fence("t", GeofenceScope.Tenant, null, "s", GeofenceMode.Forbidden).Source();

        var refused = await new GeofenceOfferStage(fences).EvaluateAsync(await IdentifiedAsync(rig, Offer("203.0.113.50")));

        Assert.Equal((AdmissionVerdict.Reject, 403, "geofence-sdp"), (refused.Verdict, refused.Response!.StatusCode, refused.RuleId));
        Assert.Contains("media address", refused.Response.Headers[ReasonHeader.Name], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_inside_an_allow_set_and_a_late_offer_continue()
    {
        var rig = new AdmissionRig();
        var fences = new GeofenceRows().Set("s", "198.51.100.0/24").Fence("t", GeofenceScope.Tenant, null, "s", GeofenceMode.Allow).Source();
        var stage = new GeofenceOfferStage(fences);

        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig, Offer("198.51.100.50")))).IsContinue);
        Assert.True((await stage.EvaluateAsync(await IdentifiedAsync(rig))).IsContinue);
        Assert.Equal(403, (await stage.EvaluateAsync(await IdentifiedAsync(rig, Offer("192.0.2.1")))).Response!.StatusCode);
    }

    [Fact]
    public void The_stages_run_after_ingress_and_account_binding_and_before_capacity()
    {
        var names = AdmissionStages.Default(
            new B2buaOptions(), new B2buaCounters(), new Softswitch.Switch.Tests.Calls.RecordingCdrSink(), new CallIngress(new AdmissionRig().Authenticator),
            new Capacity.CallCapacity(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new GeofencePolicySource(),
            Softswitch.Switch.Numbers.NumberPlanSource.Unconfigured)
            .Select(s => s.Name).ToList();

        Assert.True(names.IndexOf("account-access-ip") < names.IndexOf("geofence-source"));
        Assert.Equal(names.IndexOf("geofence-source") + 1, names.IndexOf("geofence-sdp"));
        Assert.True(names.IndexOf("geofence-sdp") < names.IndexOf("switch-capacity"));
    }

    private static Action<Softswitch.Sip.Messages.SipRequest> Offer(string address) => invite =>
    {
        invite.ContentType = "application/sdp";
        invite.Body = Encoding.ASCII.GetBytes($"v=0\r\no=- 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n");
    };

    private static async Task<AdmissionContext> IdentifiedAsync(AdmissionRig rig, Action<Softswitch.Sip.Messages.SipRequest>? edit = null, SipEndPoint? source = null)
    {
        var context = rig.Context(edit, source);
        Assert.True((await rig.Ingress().EvaluateAsync(context)).IsContinue);
        return context;
    }
}

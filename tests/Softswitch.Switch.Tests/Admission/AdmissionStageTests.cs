using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class AdmissionStageTests
{
    private readonly AdmissionRig _rig = new(trunkLimit: 1);

    [Fact]
    public async Task Max_forwards_0_gets_483_and_otherwise_one_hop_is_taken()
    {
        var stage = new MaxForwardsStage();
        var exhausted = _rig.Context(invite => invite.MaxForwards = 0);
        var fine = _rig.Context(invite => invite.MaxForwards = 5);

        Assert.Equal(483, (await stage.EvaluateAsync(exhausted)).Response!.StatusCode);
        Assert.True((await stage.EvaluateAsync(fine)).IsContinue);
        Assert.Equal(4, fine.Request.MaxForwards);
    }

    [Fact]
    public async Task A_required_extension_we_lack_gets_420_naming_it_while_timer_is_accepted()
    {
        var stage = new RequiredExtensionsStage();

        var refused = await stage.EvaluateAsync(_rig.Context(invite => invite.Headers.Add(SipHeaderKind.Require, "timer, 100rel")));
        var timer = await stage.EvaluateAsync(_rig.Context(invite => invite.Headers.Add(SipHeaderKind.Require, "timer")));

        Assert.Equal(420, refused.Response!.StatusCode);
        Assert.Equal("100rel", refused.Response.Headers[SipHeaderKind.Unsupported]);
        Assert.True(timer.IsContinue);
    }

    [Fact]
    public async Task A_session_interval_below_the_minimum_gets_422_with_min_se()
    {
        var stage = new SessionIntervalStage(TimeSpan.FromSeconds(90));

        var refused = await stage.EvaluateAsync(_rig.Context(invite => invite.Headers.Add("Session-Expires", "30")));
        var fine = await stage.EvaluateAsync(_rig.Context(invite => invite.Headers.Add("Session-Expires", "1800")));

        Assert.Equal(422, refused.Response!.StatusCode);
        Assert.Equal("90", refused.Response.Headers["Min-SE"]);
        Assert.True(fine.IsContinue);
    }

    [Fact]
    public async Task A_contact_that_does_not_parse_gets_400_and_is_counted()
    {
        var stage = new DialogHeadersStage(_rig.Counters);

        var refused = await stage.EvaluateAsync(_rig.Context(invite => invite.Headers.Set(SipHeaderKind.Contact, "<sip:caller@198.51.100.7")));

        Assert.Equal(400, refused.Response!.StatusCode);
        Assert.Equal(1, _rig.Counters.MalformedInvites);
    }

    [Fact]
    public async Task Ingress_sets_the_origin_of_a_trunk_call_refuses_an_unknown_source_and_challenges_a_phone()
    {
        var stage = _rig.Ingress();
        var trunk = _rig.Context();
        var unknown = _rig.Context(source: Softswitch.Sip.Transport.SipEndPoint.Udp(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("203.0.113.66"), 5060)));
        var phone = _rig.Context(fromHost: "pbx.example.net");

        Assert.True((await stage.EvaluateAsync(trunk)).IsContinue);
        Assert.Equal("trunk", trunk.Origin!.Gateway!.Id);
        var refused = await stage.EvaluateAsync(unknown);
        Assert.Equal((AdmissionVerdict.Reject, 403), (refused.Verdict, refused.Response!.StatusCode));
        var challenged = await stage.EvaluateAsync(phone);
        Assert.Equal((AdmissionVerdict.Challenge, 407), (challenged.Verdict, challenged.Response!.StatusCode));
        Assert.Equal(1, _rig.Counters.IngressForbidden);
    }

    [Fact]
    public async Task The_switch_limit_refuses_with_503_and_retry_after_until_a_slot_is_released()
    {
        var stage = new SwitchCapacityStage(_rig.Options, _rig.Counters);
        var first = _rig.Context();

        Assert.True((await stage.EvaluateAsync(first)).IsContinue);
        var refused = await stage.EvaluateAsync(_rig.Context());
        Assert.Equal(503, refused.Response!.StatusCode);
        Assert.Equal("5", refused.Response.Headers[SipHeaderKind.RetryAfter]);
        stage.Release(first);
        Assert.True((await stage.EvaluateAsync(_rig.Context())).IsContinue);
        Assert.Equal(1, _rig.Counters.Overloaded);
    }

    [Fact]
    public async Task The_trunk_limit_refuses_with_503_until_its_call_ends()
    {
        var ingress = _rig.Ingress();
        var stage = new IngressCapacityStage(_rig.Capacity, _rig.Options, _rig.Counters);
        var first = _rig.Context();
        var second = _rig.Context();
        await ingress.EvaluateAsync(first);
        await ingress.EvaluateAsync(second);

        Assert.True((await stage.EvaluateAsync(first)).IsContinue);
        Assert.Equal(503, (await stage.EvaluateAsync(second)).Response!.StatusCode);
        stage.Release(first);
        Assert.Equal(0, _rig.Capacity.InUse("trunk"));
        Assert.True((await stage.EvaluateAsync(second)).IsContinue);
    }
}

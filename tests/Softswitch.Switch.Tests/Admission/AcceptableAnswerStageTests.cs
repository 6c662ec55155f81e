using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class AcceptableAnswerStageTests
{
    private readonly AdmissionRig _rig = new();
    private readonly AcceptableAnswerStage _stage = new();

    [Theory]
    [InlineData(null)]
    [InlineData("application/sdp")]
    [InlineData("text/html, APPLICATION/SDP;q=0.5")]
    [InlineData("application/*")]
    [InlineData("*/*")]
    public async Task A_caller_that_accepts_sdp_passes(string? accept)
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite => WithAccept(invite, accept)));

        Assert.True(decision.IsContinue);
    }

    [Theory]
    [InlineData("text/nobodyKnowsThis")]
    [InlineData("application/sdpx, text/*")]
    [InlineData("")]
    public async Task A_caller_that_accepts_no_sdp_gets_406(string accept)
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite => WithAccept(invite, accept)));

        Assert.Equal((AdmissionVerdict.Reject, 406, "acceptable-answer"), (decision.Verdict, decision.Response!.StatusCode, decision.RuleId));
        Assert.Equal("application/sdp", decision.Response.Headers[SipHeaderKind.Accept]);
    }

    private static void WithAccept(SipRequest invite, string? accept)
    {
        if (accept is not null)
        {
            invite.Headers.Add(SipHeaderKind.Accept, accept);
        }
    }
}

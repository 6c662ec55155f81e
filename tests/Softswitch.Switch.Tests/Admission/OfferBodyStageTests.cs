using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class OfferBodyStageTests
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");

    private readonly AdmissionRig _rig = new();
    private readonly OfferBodyStage _stage = new();

    [Theory]
    [InlineData("application/sdp")]
    [InlineData("Application/SDP")]
    [InlineData("application / sdp ; charset=utf-8")]
    public async Task An_sdp_offer_passes_whatever_the_case_spacing_and_parameters(string contentType)
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite => WithBody(invite, contentType)));

        Assert.True(decision.IsContinue);
    }

    [Fact]
    public async Task An_invite_without_a_body_is_a_late_offer_and_passes()
    {
        Assert.True((await _stage.EvaluateAsync(_rig.Context())).IsContinue);
    }

    [Theory]
    [InlineData("application/unknownformat")]
    [InlineData("multipart/mixed;boundary=7a9cbec02ceef655")]
    [InlineData(null)]
    public async Task Any_other_body_gets_415_with_accept_application_sdp(string? contentType)
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite => WithBody(invite, contentType)));

        Assert.Equal((AdmissionVerdict.Reject, 415, "offer-body"), (decision.Verdict, decision.Response!.StatusCode, decision.RuleId));
        Assert.Equal("application/sdp", decision.Response.Headers[SipHeaderKind.Accept]);
    }

    [Fact]
    public async Task A_compressed_offer_gets_415_with_accept_encoding_identity()
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite =>
        {
            WithBody(invite, "application/sdp");
            invite.Headers.Add(SipHeaderKind.ContentEncoding, "gzip");
        }));

        Assert.Equal(415, decision.Response!.StatusCode);
        Assert.Equal("identity", decision.Response.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task An_identity_coded_offer_passes()
    {
        var decision = await _stage.EvaluateAsync(_rig.Context(invite =>
        {
            WithBody(invite, "application/sdp");
            invite.Headers.Add(SipHeaderKind.ContentEncoding, "identity");
        }));

        Assert.True(decision.IsContinue);
    }

    [Fact]
    public void An_offer_without_content_encoding_is_checked_without_allocating()
    {
        var context = _rig.Context(invite => WithBody(invite, "application/sdp"));
        var passed = PassesSynchronously(context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        passed &= PassesSynchronously(context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(passed);
        Assert.Equal(0, allocated);
    }

    private bool PassesSynchronously(AdmissionContext context)
    {
        var pending = _stage.EvaluateAsync(context);
        return pending.IsCompletedSuccessfully && pending.Result.IsContinue;
    }

    private static void WithBody(SipRequest invite, string? contentType)
    {
        invite.ContentType = contentType;
        invite.Body = Offer;
    }
}

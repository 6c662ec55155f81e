using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Admission;

namespace Softswitch.Switch.Tests.Admission;

public sealed class IngressDigestUriTests
{
    private readonly AdmissionRig _rig = new();

    [Fact]
    public async Task A_phone_whose_credentials_name_another_request_uri_gets_400_and_is_counted()
    {
        var stage = _rig.Ingress();
        var challenged = await stage.EvaluateAsync(_rig.Context(fromHost: "pbx.example.net"));
        var challenge = DigestClient.Choose(challenged.Response!.Headers.GetAll(SipHeaderKind.ProxyAuthenticate))!;

        var replayed = await stage.EvaluateAsync(_rig.Context(
            invite => invite.Headers.Add(
                SipHeaderKind.ProxyAuthorization,
                DigestClient.Answer(challenge, "alice", "secret", SipMethods.Invite, "sip:900123@192.0.2.10").ToString()),
            fromHost: "pbx.example.net"));

        Assert.Equal(407, challenged.Response.StatusCode);
        Assert.Equal((AdmissionVerdict.Reject, 400), (replayed.Verdict, replayed.Response!.StatusCode));
        Assert.Equal(1, _rig.Counters.IngressForbidden);
    }
}

using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Admission;

/// <summary>
/// RFC 3261 §8.2.2.1: a Request-URI whose scheme we cannot route (anything but sip, sips and tel) gets 416. The
/// transport answers other methods statelessly; for an INVITE the refusal is the switch's, and it is counted here.
/// </summary>
internal sealed class RequestUriSchemeStage : IAdmissionStage
{
    public string Name => "request-uri-scheme";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var uri = context.Request.RequestUriText;
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        return new(colon > 0 && SipUri.IsSupportedScheme(uri.AsSpan(0, colon))
            ? AdmissionDecision.Continue
            : AdmissionDecision.Reject(context.Transaction.CreateResponse(416), Name));
    }
}

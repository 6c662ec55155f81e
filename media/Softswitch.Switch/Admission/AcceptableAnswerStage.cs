using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Admission;

/// <summary>
/// The switch answers an INVITE with an SDP body, so a caller whose Accept excludes application/sdp gets 406
/// (RFC 3261 §21.4.7, RFC 4475 §3.3.15). No Accept header means application/sdp (§20.1); an empty one accepts nothing.
/// </summary>
internal sealed class AcceptableAnswerStage : IAdmissionStage
{
    public string Name => "acceptable-answer";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var request = context.Request;
        if (!request.Headers.Contains(SipHeaderKind.Accept)
            || request.Headers.GetListValues(SipHeaderKind.Accept).Any(AcceptsSessionDescription))
        {
            return new(AdmissionDecision.Continue);
        }

        var notAcceptable = context.Transaction.CreateResponse(406);
        notAcceptable.Headers.Add("Accept", OfferBodyStage.SessionDescriptionType);
        return new(AdmissionDecision.Reject(notAcceptable, Name));
    }

    /// <summary>media-range = ( "*/*" / ( m-type SLASH "*" ) / ( m-type SLASH m-subtype ) ) *( SEMI accept-param ).</summary>
    private static bool AcceptsSessionDescription(string range)
    {
        var semicolon = range.IndexOf(';', StringComparison.Ordinal);
        var media = (semicolon < 0 ? range : range[..semicolon]).Replace(" ", "", StringComparison.Ordinal).Trim();
        return media is "*/*"
            || string.Equals(media, "application/*", StringComparison.OrdinalIgnoreCase)
            || string.Equals(media, OfferBodyStage.SessionDescriptionType, StringComparison.OrdinalIgnoreCase);
    }
}

using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Admission;

/// <summary>
/// RFC 3261 §8.2.3: the switch understands one kind of INVITE body, an uncompressed SDP offer. Any other body type
/// gets 415 with Accept (RFC 4475 §3.3.6), a content coding other than identity 415 with Accept-Encoding. An INVITE
/// without a body (a late offer) passes.
/// </summary>
internal sealed class OfferBodyStage : IAdmissionStage
{
    public const string SessionDescriptionType = "application/sdp";

    public string Name => "offer-body";

    public ValueTask<AdmissionDecision> EvaluateAsync(AdmissionContext context)
    {
        var request = context.Request;
        if (request.Body.IsEmpty)
        {
            return new(AdmissionDecision.Continue);
        }

        if (!IsSessionDescription(request.ContentType))
        {
            return new(Unsupported(context, "Accept", SessionDescriptionType));
        }

        // Most offers carry no Content-Encoding; reading the list would allocate one for nothing.
        if (!request.Headers.Contains(SipHeaderKind.ContentEncoding))
        {
            return new(AdmissionDecision.Continue);
        }

        foreach (var coding in request.Headers.GetListValues(SipHeaderKind.ContentEncoding))
        {
            if (!string.Equals(coding, "identity", StringComparison.OrdinalIgnoreCase))
            {
                return new(Unsupported(context, "Accept-Encoding", "identity"));
            }
        }

        return new(AdmissionDecision.Continue);
    }

    /// <summary>media-type = m-type SLASH m-subtype *(SEMI m-parameter), case-insensitive (RFC 3261 §20.15).</summary>
    private static bool IsSessionDescription(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Replace(" ", "", StringComparison.Ordinal);
        return string.Equals(mediaType.Trim(), SessionDescriptionType, StringComparison.OrdinalIgnoreCase);
    }

    private AdmissionDecision Unsupported(AdmissionContext context, string header, string value)
    {
        var response = context.Transaction.CreateResponse(415);
        response.Headers.Add(header, value);
        return AdmissionDecision.Reject(response, Name);
    }
}

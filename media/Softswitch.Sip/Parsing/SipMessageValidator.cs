using System.Globalization;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Checks the headers a transaction layer relies on, beyond what the parser checks on bytes: the Via, From and
/// To values must parse (RFC 3261 §8.2, §17.2.3). Run by the transport before a message is dispatched.
/// </summary>
public static class SipMessageValidator
{
    public static SipParseError? Validate(SipMessage message)
    {
        // Line by line, as SipMessage.TopVia reads the first line: Via = 1#via-parm, so an empty line is malformed too.
        SipVia? topVia = null;
        var elements = new List<string>(4);
        foreach (var line in message.Headers.GetAll(SipHeaderKind.Via))
        {
            elements.Clear();
            SipHeaderValueSplitter.Split(line, elements);
            if (elements.Count == 0)
            {
                return SipParseError.BadRequest("Malformed Via");
            }

            foreach (var via in elements)
            {
                if (!SipVia.TryParse(via, out var parsed))
                {
                    return SipParseError.BadRequest("Malformed Via");
                }

                topVia ??= parsed;
            }
        }

        if (!SipNameAddress.TryParse(message.Headers[SipHeaderKind.From], out _))
        {
            return SipParseError.BadRequest("Malformed From");
        }

        if (!SipNameAddress.TryParse(message.Headers[SipHeaderKind.To], out _))
        {
            return SipParseError.BadRequest("Malformed To");
        }

        var maxForwards = message.Headers[SipHeaderKind.MaxForwards];
        if (maxForwards is not null && !byte.TryParse(maxForwards.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return SipParseError.BadRequest("Malformed Max-Forwards");
        }

        if (topVia is null)
        {
            return SipParseError.BadRequest("Malformed Via");
        }

        return message is SipRequest request ? ValidateRequest(request, topVia) : null;
    }

    /// <summary>A response can be routed back when the top Via's sent-by parses and the dialog identifiers are present.</summary>
    public static bool CanRespond(SipMessage message) =>
        message is SipRequest { Method: not SipMethods.Ack }
        && message.Headers[SipHeaderKind.Via] is { } via
        && SipVia.TryParseForResponse(via.Contains(',') ? via[..via.IndexOf(',')] : via, out _)
        && message.Headers.Contains(SipHeaderKind.From) && message.Headers.Contains(SipHeaderKind.To)
        && message.Headers.Contains(SipHeaderKind.CallId) && message.Headers.Contains(SipHeaderKind.CSeq);

    private static SipParseError? ValidateRequest(SipRequest request, SipVia topVia)
    {
        var uriError = ValidateRequestUri(request);
        if (uriError is not null)
        {
            return uriError;
        }

        // RFC 4475 §3.2.1: the magic cookie alone identifies no transaction; answered statelessly, as the RFC prefers.
        if (topVia.Branch == SipVia.MagicCookie)
        {
            return SipParseError.BadRequest("Via branch has no transaction identifier");
        }

        // RFC 3261 §10.3: a registrar stores each Contact as a binding. (An INVITE's Contact is the dialog's remote
        // target; its admission stage refuses and counts one that does not parse.)
        if (request.Method == SipMethods.Register)
        {
            foreach (var contact in request.Headers.GetListValues(SipHeaderKind.Contact))
            {
                if (!SipNameAddress.TryParse(contact, out _))
                {
                    return SipParseError.BadRequest("Malformed Contact");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// RFC 3261 §25.1: Request-URI = SIP-URI / SIPS-URI / absoluteURI. A URI of a scheme we serve must parse and carry
    /// no headers (§19.1.1: headers are not allowed in a Request-URI, RFC 4475 §3.1.2.11); any other well-formed
    /// absoluteURI is answered 416 (§8.2.2.1), except on an INVITE, where refusing it is the admission pipeline's decision.
    /// </summary>
    private static SipParseError? ValidateRequestUri(SipRequest request)
    {
        var text = request.RequestUriText;
        var schemeLength = SipGrammar.UriSchemeLength(text);
        if (schemeLength < 0)
        {
            return SipParseError.BadRequest("Malformed Request-URI", SipParseErrorKind.StartLine);
        }

        if (!SipUri.IsSupportedScheme(text.AsSpan(0, schemeLength)))
        {
            return request.Method == SipMethods.Invite ? null : new SipParseError(SipParseErrorKind.StartLine, 416, "Unsupported URI Scheme");
        }

        if (!SipUri.TryParse(text, out var uri))
        {
            return SipParseError.BadRequest("Malformed Request-URI", SipParseErrorKind.StartLine);
        }

        return uri.Headers is null ? null : SipParseError.BadRequest("Headers in Request-URI", SipParseErrorKind.StartLine);
    }
}

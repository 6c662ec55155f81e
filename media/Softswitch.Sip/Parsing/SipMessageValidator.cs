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
        foreach (var via in message.Headers.GetListValues(SipHeaderKind.Via))
        {
            if (!SipVia.TryParse(via, out _))
            {
                return SipParseError.BadRequest("Malformed Via");
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

        if (message is SipRequest request && !SipUri.TryParse(request.RequestUriText, out _))
        {
            return new SipParseError(SipParseErrorKind.StartLine, 416, "Unsupported URI Scheme");
        }

        return null;
    }

    /// <summary>A response can be routed back when the top Via parses and the dialog identifiers are present.</summary>
    public static bool CanRespond(SipMessage message) =>
        message is SipRequest { Method: not SipMethods.Ack }
        && message.Headers[SipHeaderKind.Via] is { } via
        && SipVia.TryParse(via.Contains(',') ? via[..via.IndexOf(',')] : via, out _)
        && message.Headers.Contains(SipHeaderKind.From) && message.Headers.Contains(SipHeaderKind.To)
        && message.Headers.Contains(SipHeaderKind.CallId) && message.Headers.Contains(SipHeaderKind.CSeq);
}

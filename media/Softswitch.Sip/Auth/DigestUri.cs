namespace Softswitch.Sip.Auth;

/// <summary>
/// RFC 3261 §22.4 (and RFC 7616 §3.4.6): the <c>uri</c> of the credentials must name the request's Request-URI,
/// or credentials captured for one request could be replayed on another.
/// </summary>
internal static class DigestUri
{
    public static bool Matches(string digestUri, SipRequest request)
    {
        if (string.Equals(digestUri, request.RequestUriText, StringComparison.Ordinal))
        {
            return true;
        }

        // Written differently (case of scheme or host, escaping): compare what the two URIs mean. The user part is
        // case-sensitive, the rest is not (RFC 3261 §19.1.4).
        return SipUri.TryParse(digestUri, out var claimed)
            && SipUri.TryParse(request.RequestUriText, out var actual)
            && string.Equals(claimed.User, actual.User, StringComparison.Ordinal)
            && string.Equals(claimed.ToString(), actual.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Maps header names (any case, long or compact form) to <see cref="SipHeaderKind"/> and back.</summary>
public static class SipHeaderNames
{
    private static readonly string[] Canonical = new string[Enum.GetValues<SipHeaderKind>().Length];
    private static readonly byte[][] CanonicalUtf8 = new byte[Canonical.Length][];
    private static readonly SipHeaderKind[] CompactByLetter = new SipHeaderKind[26];
    private static readonly SipHeaderKind[][] ByLength;

    static SipHeaderNames()
    {
        Define(SipHeaderKind.Via, "Via", 'v');
        Define(SipHeaderKind.From, "From", 'f');
        Define(SipHeaderKind.To, "To", 't');
        Define(SipHeaderKind.CallId, "Call-ID", 'i');
        Define(SipHeaderKind.CSeq, "CSeq");
        Define(SipHeaderKind.Contact, "Contact", 'm');
        Define(SipHeaderKind.MaxForwards, "Max-Forwards");
        Define(SipHeaderKind.ContentLength, "Content-Length", 'l');
        Define(SipHeaderKind.ContentType, "Content-Type", 'c');
        Define(SipHeaderKind.ContentEncoding, "Content-Encoding", 'e');
        Define(SipHeaderKind.Route, "Route");
        Define(SipHeaderKind.RecordRoute, "Record-Route");
        Define(SipHeaderKind.Expires, "Expires");
        Define(SipHeaderKind.MinExpires, "Min-Expires");
        Define(SipHeaderKind.Allow, "Allow");
        Define(SipHeaderKind.Supported, "Supported", 'k');
        Define(SipHeaderKind.Require, "Require");
        Define(SipHeaderKind.ProxyRequire, "Proxy-Require");
        Define(SipHeaderKind.Unsupported, "Unsupported");
        Define(SipHeaderKind.Accept, "Accept");
        Define(SipHeaderKind.Authorization, "Authorization");
        Define(SipHeaderKind.ProxyAuthorization, "Proxy-Authorization");
        Define(SipHeaderKind.WwwAuthenticate, "WWW-Authenticate");
        Define(SipHeaderKind.ProxyAuthenticate, "Proxy-Authenticate");
        Define(SipHeaderKind.AuthenticationInfo, "Authentication-Info");
        Define(SipHeaderKind.UserAgent, "User-Agent");
        Define(SipHeaderKind.Server, "Server");
        Define(SipHeaderKind.Subject, "Subject", 's');
        Define(SipHeaderKind.Event, "Event", 'o'); // RFC 6665 §8.3.1
        Define(SipHeaderKind.AllowEvents, "Allow-Events", 'u');
        Define(SipHeaderKind.ReferTo, "Refer-To", 'r'); // RFC 3515 §2.1
        Define(SipHeaderKind.ReferredBy, "Referred-By", 'b'); // RFC 3892
        Define(SipHeaderKind.SessionExpires, "Session-Expires", 'x'); // RFC 4028
        Define(SipHeaderKind.Date, "Date");
        Define(SipHeaderKind.Timestamp, "Timestamp");
        Define(SipHeaderKind.Warning, "Warning");
        Define(SipHeaderKind.RetryAfter, "Retry-After");
        Define(SipHeaderKind.ContentDisposition, "Content-Disposition");
        Define(SipHeaderKind.PAssertedIdentity, "P-Asserted-Identity");
        Define(SipHeaderKind.Identity, "Identity", 'y'); // RFC 8224
        Define(SipHeaderKind.AcceptContact, "Accept-Contact", 'a'); // RFC 3841
        Define(SipHeaderKind.RejectContact, "Reject-Contact", 'j');
        Define(SipHeaderKind.RequestDisposition, "Request-Disposition", 'd');

        var maxLength = Canonical.Max(n => n?.Length ?? 0);
        ByLength = new SipHeaderKind[maxLength + 1][];
        for (var length = 0; length <= maxLength; length++)
        {
            var l = length;
            ByLength[length] = Enum.GetValues<SipHeaderKind>().Where(k => Canonical[(int)k]?.Length == l).ToArray();
        }
    }

    private static void Define(SipHeaderKind kind, string name, char compact = '\0')
    {
        Canonical[(int)kind] = name;
        CanonicalUtf8[(int)kind] = Encoding.ASCII.GetBytes(name);
        if (compact != '\0')
        {
            CompactByLetter[compact - 'a'] = kind;
        }
    }

    /// <summary>The long-form name used when serializing (RFC 3261 §7.3.3 allows either form).</summary>
    public static string GetName(SipHeaderKind kind) =>
        kind == SipHeaderKind.Other ? throw new ArgumentOutOfRangeException(nameof(kind)) : Canonical[(int)kind];

    internal static ReadOnlySpan<byte> GetNameUtf8(SipHeaderKind kind) => CanonicalUtf8[(int)kind];

    /// <summary>Identifies a header name; names are case-insensitive (RFC 3261 §7.3.1).</summary>
    public static SipHeaderKind Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var letter = name[0] | 0x20;
            return letter is >= 'a' and <= 'z' ? CompactByLetter[letter - 'a'] : SipHeaderKind.Other;
        }

        if (name.Length >= ByLength.Length)
        {
            return SipHeaderKind.Other;
        }

        var first = name[0] | 0x20;
        foreach (var candidate in ByLength[name.Length])
        {
            var bytes = CanonicalUtf8[(int)candidate];
            if ((bytes[0] | 0x20) == first && Ascii.EqualsIgnoreCase(name, bytes))
            {
                return candidate;
            }
        }

        return SipHeaderKind.Other;
    }

    /// <inheritdoc cref="Identify(ReadOnlySpan{byte})"/>
    public static SipHeaderKind Identify(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            var letter = name[0] | 0x20;
            return letter is >= 'a' and <= 'z' ? CompactByLetter[letter - 'a'] : SipHeaderKind.Other;
        }

        if (name.Length >= ByLength.Length)
        {
            return SipHeaderKind.Other;
        }

        foreach (var candidate in ByLength[name.Length])
        {
            if (name.Equals(Canonical[(int)candidate], StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return SipHeaderKind.Other;
    }

    /// <summary>Headers whose values are comma-separated lists that may be split (RFC 3261 §7.3.1).</summary>
    internal static bool IsList(SipHeaderKind kind) => kind is SipHeaderKind.Via or SipHeaderKind.Contact
        or SipHeaderKind.Route or SipHeaderKind.RecordRoute or SipHeaderKind.Allow or SipHeaderKind.Supported
        or SipHeaderKind.Require or SipHeaderKind.ProxyRequire or SipHeaderKind.Unsupported;
}

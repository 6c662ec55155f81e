using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>An Authorization / Proxy-Authorization Digest response (RFC 3261 §22.4, RFC 7616 §3.4).</summary>
public sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    DigestAlgorithm Algorithm,
    string? Qop,
    string? NonceCount,
    string? Cnonce,
    string? Opaque = null)
{
    public static bool TryParse(string? header, [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        credentials = null;
        var values = DigestParameters.Parse(header);
        if (values is null
            || !values.TryGetValue("username", out var username)
            || !values.TryGetValue("realm", out var realm)
            || !values.TryGetValue("nonce", out var nonce)
            || !values.TryGetValue("uri", out var uri)
            || !values.TryGetValue("response", out var response)
            || !DigestAlgorithms.TryParse(values.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }

        credentials = new DigestCredentials(username, realm, nonce, uri, response, algorithm,
            values.GetValueOrDefault("qop"), values.GetValueOrDefault("nc"), values.GetValueOrDefault("cnonce"), values.GetValueOrDefault("opaque"));
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("Digest username=").Append(SipGrammar.Quote(Username))
            .Append(", realm=").Append(SipGrammar.Quote(Realm))
            .Append(", nonce=").Append(SipGrammar.Quote(Nonce))
            .Append(", uri=").Append(SipGrammar.Quote(Uri))
            .Append(", response=").Append(SipGrammar.Quote(Response))
            .Append(", algorithm=").Append(Algorithm.Name());
        if (Qop is not null)
        {
            // RFC 7616 §3.4: qop and nc are unquoted tokens; cnonce is quoted.
            builder.Append(", qop=").Append(Qop).Append(", nc=").Append(NonceCount).Append(", cnonce=").Append(SipGrammar.Quote(Cnonce ?? ""));
        }

        if (Opaque is not null)
        {
            builder.Append(", opaque=").Append(SipGrammar.Quote(Opaque));
        }

        return builder.ToString();
    }
}

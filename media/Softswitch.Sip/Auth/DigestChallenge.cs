using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>A WWW-Authenticate / Proxy-Authenticate Digest challenge (RFC 3261 §22.4, RFC 7616 §3.3).</summary>
public sealed record DigestChallenge(string Realm, string Nonce, DigestAlgorithm Algorithm, string? Qop = "auth", string? Opaque = null, bool Stale = false)
{
    public static bool TryParse(string? header, [NotNullWhen(true)] out DigestChallenge? challenge)
    {
        challenge = null;
        var values = DigestParameters.Parse(header);
        if (values is null || !values.TryGetValue("realm", out var realm) || !values.TryGetValue("nonce", out var nonce)
            || !DigestAlgorithms.TryParse(values.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }

        challenge = new DigestChallenge(realm, nonce, algorithm, values.GetValueOrDefault("qop"), values.GetValueOrDefault("opaque"),
            string.Equals(values.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("Digest realm=").Append(SipGrammar.Quote(Realm))
            .Append(", nonce=").Append(SipGrammar.Quote(Nonce));
        if (Opaque is not null)
        {
            builder.Append(", opaque=").Append(SipGrammar.Quote(Opaque));
        }

        if (Stale)
        {
            builder.Append(", stale=true");
        }

        builder.Append(", algorithm=").Append(Algorithm.Name());
        if (Qop is not null)
        {
            builder.Append(", qop=").Append(SipGrammar.Quote(Qop));
        }

        return builder.ToString();
    }
}

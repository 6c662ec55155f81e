using System.Globalization;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>Answers a Digest challenge, e.g. from a vendor gateway that challenges our outbound INVITE (RFC 3261 §22.2).</summary>
public static class DigestClient
{
    /// <summary>
    /// Computes the credentials for <paramref name="method"/> on <paramref name="uri"/>. With qop=auth a client nonce
    /// and nonce count are included (a random cnonce when none is given).
    /// </summary>
    public static DigestCredentials Answer(DigestChallenge challenge, string username, string password, string method, string uri, int nonceCount = 1, string? cnonce = null)
    {
        var qop = challenge.Qop is { } offered && offered.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase)) ? "auth" : null;
        var nc = qop is null ? null : nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var clientNonce = qop is null ? null : cnonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ha1 = DigestComputation.Ha1(challenge.Algorithm, username, challenge.Realm, password);
        var response = DigestComputation.Response(challenge.Algorithm, ha1, challenge.Nonce, nc, clientNonce, qop, method, uri);
        return new DigestCredentials(username, challenge.Realm, challenge.Nonce, uri, response, challenge.Algorithm, qop, nc, clientNonce, challenge.Opaque);
    }

    /// <summary>Picks the strongest challenge offered (RFC 8760 §2.4: prefer SHA-256 over MD5).</summary>
    public static DigestChallenge? Choose(IEnumerable<string> challengeHeaders) =>
        challengeHeaders.Select(h => DigestChallenge.TryParse(h, out var c) ? c : null).OfType<DigestChallenge>()
            .OrderByDescending(c => c.Algorithm == DigestAlgorithm.Sha256).FirstOrDefault();
}

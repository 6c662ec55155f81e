namespace Softswitch.Sip.Auth;

/// <summary>The digest formulas (RFC 2617 §3.2.2, RFC 7616 §3.4.1 with qop=auth).</summary>
public static class DigestComputation
{
    public static string Ha1(DigestAlgorithm algorithm, string user, string realm, string password) =>
        algorithm.Hash(string.Concat(user, ":", realm, ":", password));

    /// <summary>response = H(HA1:nonce:nc:cnonce:qop:H(method:uri)), or H(HA1:nonce:HA2) without qop (RFC 2069 compatibility).</summary>
    public static string Response(DigestAlgorithm algorithm, string ha1, string nonce, string? nonceCount, string? cnonce, string? qop, string method, string uri)
    {
        var ha2 = algorithm.Hash(string.Concat(method, ":", uri));
        return qop is null
            ? algorithm.Hash(string.Concat(ha1, ":", nonce, ":", ha2))
            : algorithm.Hash(string.Join(':', ha1, nonce, nonceCount, cnonce, qop, ha2));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>Digest hash algorithms: MD5 (RFC 2617) and SHA-256 (RFC 7616, RFC 8760 for SIP).</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha256,
}

public static class DigestAlgorithms
{
    public static string Name(this DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";

    public static bool TryParse(string? name, out DigestAlgorithm algorithm)
    {
        // RFC 2617 §3.2.1: an absent algorithm means MD5.
        algorithm = DigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        algorithm = DigestAlgorithm.Sha256;
        return name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Lower-case hex digest of the UTF-8 text (RFC 7616 §3.4.1 H()).</summary>
    public static string Hash(this DigestAlgorithm algorithm, string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[32];
        var length = algorithm == DigestAlgorithm.Md5 ? MD5.HashData(input, hash) : SHA256.HashData(input, hash);
        return Convert.ToHexStringLower(hash[..length]);
    }
}

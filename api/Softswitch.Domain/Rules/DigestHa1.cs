using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Domain;

/// <summary>
/// RFC 7616 §3.4.2 H(A1) = H(username ":" realm ":" password), as lowercase hex.
/// Storing H(A1) per algorithm lets the registrar check MD5 (RFC 2617 clients) and SHA-256
/// digests without keeping the password.
/// </summary>
public static class DigestHa1
{
    public const int Md5HexLength = 32;
    public const int Sha256HexLength = 64;

    public static string Md5(string username, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(A1(username, realm, password)));

    public static string Sha256(string username, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(A1(username, realm, password)));

    private static byte[] A1(string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        return Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
    }
}

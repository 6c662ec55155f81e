using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Api.Auth;

/// <summary>
/// API key material. A key reads <c>ssk_live_3f9k2m1q.&lt;secret&gt;</c>: the part before the dot is the
/// visible prefix (shown in listings), the whole key is stored only as its SHA-256.
/// </summary>
public static class ApiKeySecret
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static (string Key, string Prefix) Generate(bool platform)
    {
        var prefix = (platform ? "ssk_admin_" : "ssk_live_") + RandomText(8);
        return ($"{prefix}.{RandomText(40)}", prefix);
    }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? key[..dot] : key;
    }

    private static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}

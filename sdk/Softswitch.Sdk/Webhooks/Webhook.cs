using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Sdk.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64 HMAC-SHA256 of
/// "id.timestamp.body"&gt;</c>, one per secret signing (two during a rotation), keyed by the base64 after <c>whsec_</c>.
/// </summary>
public static class Webhook
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";
    private const string Version = "v1";

    /// <summary>How far the timestamp may be from now either way (replayed or delayed deliveries are refused).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Throws <see cref="WebhookVerificationException"/> unless one signature in the headers matches the payload under
    /// one of <paramref name="secrets"/> and the timestamp is within <see cref="Tolerance"/> of now.
    /// Pass the raw body exactly as received: parsing and re-serialising it changes the bytes signed.
    /// </summary>
    public static void Verify(
        string payload, IEnumerable<KeyValuePair<string, string>> headers, IEnumerable<string> secrets, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = value;
        }

        var id = Header(byName, IdHeader);
        var timestamp = Header(byName, TimestampHeader);
        var signatures = Header(byName, SignatureHeader);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException($"{TimestampHeader} is not a Unix time in seconds.");
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((now - sent).Duration() > Tolerance)
        {
            throw new WebhookVerificationException($"{TimestampHeader} is more than {Tolerance.TotalMinutes} minutes from now.");
        }

        var offered = signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split(',', 2))
            .Where(parts => parts.Length == 2 && parts[0] == Version)
            .Select(parts => TryBase64(parts[1]))
            .OfType<byte[]>()
            .ToList();
        foreach (var secret in secrets)
        {
            var expected = Hmac(secret, id, timestamp, payload);
            if (offered.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected)))
            {
                return;
            }
        }

        throw new WebhookVerificationException("No signature matches the payload under the given secrets.");
    }

    /// <summary>The <c>v1,…</c> signature of a delivery, e.g. to test your own endpoint.</summary>
    public static string Sign(string secret, string id, DateTimeOffset timestamp, string payload) =>
        $"{Version},{Convert.ToBase64String(Hmac(secret, id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), payload))}";

    private static byte[] Hmac(string secret, string id, string timestamp, string payload)
    {
        var key = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("A webhook secret is 'whsec_' followed by base64.", nameof(secret), e);
        }

        return HMACSHA256.HashData(keyBytes, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{payload}"));
    }

    private static string Header(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw new WebhookVerificationException($"The {name} header is missing.");

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}

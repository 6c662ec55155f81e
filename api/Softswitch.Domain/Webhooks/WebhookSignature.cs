using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Softswitch.Domain;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature</c> is <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> under each current secret, space-separated, so a receiver holding
/// either secret during a rotation's overlap verifies the payload.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string eventId, DateTimeOffset timestamp, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(secrets);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{eventId}.{timestamp.ToUnixTimeSeconds()}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var signatures = new StringBuilder();
        foreach (var secret in secrets)
        {
            if (signatures.Length > 0)
            {
                signatures.Append(' ');
            }

            signatures.Append("v1,").Append(Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), signed)));
        }

        return signatures.ToString();
    }

    /// <summary>The secrets that sign at <paramref name="now"/>: the current one, and the previous one during its overlap.</summary>
    public static IReadOnlyList<string> SecretsAt(WebhookEndpoint endpoint, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.PreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now
            ? [endpoint.Secret, previous]
            : [endpoint.Secret];
    }
}

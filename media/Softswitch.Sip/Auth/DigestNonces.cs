using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Stateless nonces: base64url(issued-at | flags | random | HMAC-SHA256(secret, issued-at | flags | random)[..16]).
/// The server can tell its own nonces, their age and whether one was issued after a failed attempt without storing
/// them; only the last nonce-count per nonce is kept, for replay protection, and that table is bounded.
/// </summary>
internal sealed class DigestNonces(DigestServerOptions options, TimeProvider timeProvider)
{
    private const int PayloadLength = 8 + 1 + 8;
    private const int MacLength = 16;
    private const byte AfterFailureFlag = 1;

    private readonly ConcurrentDictionary<string, long> _lastNonceCount = new(StringComparer.Ordinal);

    public string Create(bool afterFailure)
    {
        Span<byte> nonce = stackalloc byte[PayloadLength + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        nonce[8] = afterFailure ? AfterFailureFlag : (byte)0;
        RandomNumberGenerator.Fill(nonce.Slice(9, 8));
        Sign(nonce[..PayloadLength], nonce[PayloadLength..]);
        return Base64Url.EncodeToString(nonce);
    }

    public enum Check
    {
        Fresh,
        Expired,
        Foreign,
    }

    public Check Inspect(string nonce, out bool afterFailure)
    {
        afterFailure = false;
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength + 2];
        if (!Base64Url.TryDecodeFromChars(nonce, bytes, out var written) || written != PayloadLength + MacLength)
        {
            return Check.Foreign;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(PayloadLength, MacLength)))
        {
            return Check.Foreign;
        }

        afterFailure = bytes[8] == AfterFailureFlag;
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return timeProvider.GetUtcNow() - issued > options.NonceLifetime ? Check.Expired : Check.Fresh;
    }

    /// <summary>Records the nonce-count; false when it is not higher than the last one seen for this nonce.</summary>
    public bool TryUse(string nonce, long nonceCount)
    {
        if (_lastNonceCount.Count >= options.MaxTrackedNonces)
        {
            Purge();
        }

        while (true)
        {
            if (!_lastNonceCount.TryGetValue(nonce, out var last))
            {
                if (_lastNonceCount.Count >= options.MaxTrackedNonces)
                {
                    return false; // Table full of live nonces: refuse rather than grow; the client gets a new challenge.
                }

                if (_lastNonceCount.TryAdd(nonce, nonceCount))
                {
                    return true;
                }

                continue;
            }

            if (nonceCount <= last)
            {
                return false;
            }

            if (_lastNonceCount.TryUpdate(nonce, nonceCount, last))
            {
                return true;
            }
        }
    }

    private void Purge()
    {
        foreach (var nonce in _lastNonceCount.Keys)
        {
            if (Inspect(nonce, out _) != Check.Fresh)
            {
                _lastNonceCount.TryRemove(nonce, out _);
            }
        }
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(options.Secret, payload, full);
        full[..MacLength].CopyTo(mac);
    }
}

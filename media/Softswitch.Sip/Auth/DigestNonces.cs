using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Stateless nonces: base64url(issued-at | flags | random | HMAC-SHA256(secret, issued-at | flags | random)[..16]).
/// The server can tell its own nonces, their age and whether one was issued after a failed attempt without storing
/// them; only the last nonce-count per nonce is kept, for replay protection, and that table is bounded in all and per
/// realm, so one tenant's phones cannot fill it for everyone.
/// </summary>
internal sealed class DigestNonces(DigestServerOptions options, TimeProvider timeProvider)
{
    private const int PayloadLength = 8 + 1 + 8;
    private const int MacLength = 16;
    private const byte AfterFailureFlag = 1;

    private readonly ConcurrentDictionary<string, NonceUse> _lastNonceCount = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perRealm = new(StringComparer.OrdinalIgnoreCase);

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

    public enum Use
    {
        Accepted,

        /// <summary>The nonce-count is not higher than the last one seen for this nonce (RFC 7616 §3.4.5).</summary>
        Replayed,

        /// <summary>The table is full of live nonces: refuse rather than grow; the client gets a new challenge.</summary>
        Full,

        /// <summary>The realm holds its whole share of the table.</summary>
        RealmFull,
    }

    /// <summary>Records the nonce-count of a nonce used in <paramref name="realm"/>.</summary>
    public Use TryUse(string nonce, long nonceCount, string realm)
    {
        while (true)
        {
            if (!_lastNonceCount.TryGetValue(nonce, out var last))
            {
                if (Admit(realm) is { } refused)
                {
                    return refused;
                }

                if (_lastNonceCount.TryAdd(nonce, new NonceUse(realm, nonceCount)))
                {
                    _perRealm.AddOrUpdate(realm, 1, (_, count) => count + 1);
                    return Use.Accepted;
                }

                continue;
            }

            if (nonceCount <= last.Count || !string.Equals(last.Realm, realm, StringComparison.OrdinalIgnoreCase))
            {
                return Use.Replayed;
            }

            if (_lastNonceCount.TryUpdate(nonce, last with { Count = nonceCount }, last))
            {
                return Use.Accepted;
            }
        }
    }

    /// <summary>Whether a new nonce of <paramref name="realm"/> fits, purging expired ones first when it would not.</summary>
    private Use? Admit(string realm)
    {
        if (_lastNonceCount.Count >= options.MaxTrackedNonces || RealmCount(realm) >= options.MaxTrackedNoncesPerRealm)
        {
            Purge();
        }

        return _lastNonceCount.Count >= options.MaxTrackedNonces ? Use.Full
            : RealmCount(realm) >= options.MaxTrackedNoncesPerRealm ? Use.RealmFull
            : null;
    }

    private int RealmCount(string realm) => _perRealm.TryGetValue(realm, out var count) ? count : 0;

    private void Purge()
    {
        foreach (var (nonce, use) in _lastNonceCount)
        {
            if (Inspect(nonce, out _) != Check.Fresh && _lastNonceCount.TryRemove(nonce, out _))
            {
                _perRealm.AddOrUpdate(use.Realm, 0, (_, count) => count - 1);
            }
        }
    }

    private readonly record struct NonceUse(string Realm, long Count);

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(options.Secret, payload, full);
        full[..MacLength].CopyTo(mac);
    }
}

using System.Security.Cryptography;

namespace Softswitch.Domain;

/// <summary>
/// Creates ids of the form <c>{prefix}_{26 chars}</c>: a 128-bit value (48-bit Unix milliseconds,
/// then 80 random bits, like a UUIDv7 or ULID) written as lowercase Crockford base32.
/// </summary>
/// <remarks>
/// The encoding is fixed-width and its alphabet is in ASCII order, so ordinal string order is the
/// order of creation; cursor paging relies on <c>string.CompareOrdinal(id, cursor) &gt; 0</c>.
/// Within one process ids are strictly increasing even inside one millisecond or if the clock
/// steps back: the next value is then the previous one plus one (ULID's monotonic rule).
/// </remarks>
public static class IdGenerator
{
    /// <summary>Longest id: an 8-character prefix, the underscore and the 26-character body fit in 40.</summary>
    public const int MaxLength = 40;

    public const int BodyLength = 26;

    private const int MaxPrefixLength = 8;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private static readonly Lock Gate = new();
    private static UInt128 s_last;

    public static string New(string prefix) => New(prefix, DateTimeOffset.UtcNow);

    public static string New(string prefix, DateTimeOffset timestamp)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException("An id prefix is 1 to 8 lowercase ASCII letters.", nameof(prefix));
        }

        var milliseconds = (ulong)Math.Max(0, timestamp.ToUnixTimeMilliseconds()) & 0xFFFF_FFFF_FFFF;
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random[6..]);
        var randomBits = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(random);
        var value = ((UInt128)milliseconds << 80) | randomBits;

        lock (Gate)
        {
            if (value <= s_last)
            {
                value = s_last + 1;
            }

            s_last = value;
        }

        return string.Create(prefix.Length + 1 + BodyLength, (prefix, value), static (chars, state) =>
        {
            state.prefix.AsSpan().CopyTo(chars);
            chars[state.prefix.Length] = '_';
            var body = chars[(state.prefix.Length + 1)..];
            var v = state.value;
            for (var i = BodyLength - 1; i >= 0; i--)
            {
                body[i] = Alphabet[(int)(v & 31)];
                v >>= 5;
            }
        });
    }

    /// <summary>True when <paramref name="id"/> is a well-formed id with the given prefix (it may still not exist).</summary>
    public static bool IsValid(string? id, string prefix)
    {
        if (id is null || !IsValidPrefix(prefix) || id.Length != prefix.Length + 1 + BodyLength
            || !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '_')
        {
            return false;
        }

        var body = id.AsSpan(prefix.Length + 1);

        // 26 × 5 = 130 bits: the first character carries only the top 3 bits of the 128-bit value.
        return body[0] is >= '0' and <= '7' && !body.ContainsAnyExcept(Alphabet);
    }

    /// <summary>The creation time encoded in a well-formed id.</summary>
    public static bool TryGetTimestamp(string? id, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var underscore = id?.IndexOf('_', StringComparison.Ordinal) ?? -1;
        if (id is null || underscore < 1 || !IsValid(id, id[..underscore]))
        {
            return false;
        }

        UInt128 value = 0;
        foreach (var c in id.AsSpan(underscore + 1))
        {
            value = (value << 5) | (uint)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)(ulong)(value >> 80));
        return true;
    }

    private static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxPrefixLength } && prefix.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0;
}

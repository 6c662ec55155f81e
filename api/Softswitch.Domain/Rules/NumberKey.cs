using System.Buffers.Binary;

namespace Softswitch.Domain;

/// <summary>
/// A full number as one <see cref="ulong"/>: a 1 followed by its digits, read as a decimal integer. The leading 1 keeps
/// leading zeros ("0044…" and "44…" differ) and makes keys of different lengths distinct; 18 digits fit. A leading
/// '+' is dropped, so "+4420…" and "4420…" are one number.
/// </summary>
public static class NumberKey
{
    public const int MaxDigits = 18;

    public static bool TryEncode(ReadOnlySpan<char> number, out ulong key)
    {
        if (number.Length > 0 && number[0] == '+')
        {
            number = number[1..];
        }

        key = 0;
        if (number.Length is 0 or > MaxDigits)
        {
            return false;
        }

        ulong value = 1;
        foreach (var c in number)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        key = value;
        return true;
    }

    public static string Decode(ulong key)
    {
        var text = key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text[1..];
    }

    /// <summary>Sorted, distinct keys as the little-endian bytes <see cref="NumberListContent"/> stores.</summary>
    public static byte[] ToBytes(ReadOnlySpan<ulong> sortedKeys)
    {
        var bytes = new byte[sortedKeys.Length * sizeof(ulong)];
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), sortedKeys[i]);
        }

        return bytes;
    }

    public static ulong[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var keys = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }

        return keys;
    }
}

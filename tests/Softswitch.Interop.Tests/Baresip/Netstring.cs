using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>Netstrings, <c>LENGTH:PAYLOAD,</c>: the framing of every message on baresip's ctrl_tcp socket.</summary>
internal static class Netstring
{
    /// <summary>Far above any ctrl_tcp message; a longer length means the stream is out of step.</summary>
    public const int MaxPayloadLength = 1 << 20;

    private const int MaxLengthDigits = 7;

    public static byte[] Encode(ReadOnlySpan<byte> payload)
    {
        var header = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":");
        var frame = new byte[header.Length + payload.Length + 1];
        header.CopyTo(frame, 0);
        payload.CopyTo(frame.AsSpan(header.Length));
        frame[^1] = (byte)',';
        return frame;
    }

    /// <summary>
    /// Reads one netstring. Returns false and consumes nothing when the buffer holds only part of one;
    /// throws <see cref="InvalidDataException"/> when the bytes cannot be the start of one.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        var local = reader;
        if (!local.TryReadTo(out ReadOnlySequence<byte> digits, (byte)':'))
        {
            if (local.Remaining > MaxLengthDigits)
            {
                throw new InvalidDataException("Netstring length has no ':' after it.");
            }

            return false;
        }

        var length = ParseLength(digits);
        if (local.Remaining < length + 1)
        {
            return false;
        }

        payload = local.UnreadSequence.Slice(0, length);
        local.Advance(length);
        if (!local.TryRead(out var terminator) || terminator != (byte)',')
        {
            throw new InvalidDataException("Netstring payload is not followed by ','.");
        }

        reader = local;
        return true;
    }

    private static int ParseLength(ReadOnlySequence<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > MaxLengthDigits)
        {
            throw new InvalidDataException("Netstring length must have 1 to 7 digits.");
        }

        Span<byte> text = stackalloc byte[MaxLengthDigits];
        digits.CopyTo(text);
        text = text[..(int)digits.Length];
        foreach (var digit in text)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                throw new InvalidDataException("Netstring length is not a decimal number.");
            }
        }

        if (!Utf8Parser.TryParse(text, out int length, out _) || length > MaxPayloadLength)
        {
            throw new InvalidDataException($"Netstring length is over {MaxPayloadLength} bytes.");
        }

        return length;
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// The spool's record format: a 4-byte little-endian payload length, the CRC-32 of the payload, then the payload
/// (one kind byte and the UTF-8 JSON of the record). A crash mid-append leaves a short or mismatching last frame,
/// which reading detects and stops at.
/// </summary>
internal static class SpoolFrame
{
    public const int HeaderLength = 8;

    /// <summary>No record comes near this; a larger length can only be a torn or corrupt header.</summary>
    public const int MaxPayloadLength = 1024 * 1024;

    /// <summary>Reads whole, intact frames from the start of a file; stops at the end or at the first torn or corrupt frame.</summary>
    public static IEnumerable<(SpoolEntryKind Kind, CallDetailRecord Record)> ReadAll(Stream stream, Action<long> onTornTail)
    {
        var header = new byte[HeaderLength];
        while (true)
        {
            var offset = stream.Position;
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength)
            {
                if (stream.Position != offset)
                {
                    onTornTail(offset);
                }

                yield break;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length is < 2 or > MaxPayloadLength)
            {
                onTornTail(offset);
                yield break;
            }

            var payload = new byte[length];
            if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length
                || Crc32.HashToUInt32(payload) != checksum
                || payload[0] is not ((byte)SpoolEntryKind.Journal or (byte)SpoolEntryKind.Final))
            {
                onTornTail(offset);
                yield break;
            }

            var record = JsonSerializer.Deserialize(payload.AsSpan(1), SpoolJsonContext.Default.CallDetailRecord)
                ?? throw new InvalidDataException($"Spool frame at offset {offset} holds no record.");
            yield return ((SpoolEntryKind)payload[0], record);
        }
    }
}

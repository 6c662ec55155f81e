using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;

namespace Softswitch.Switch.Cdrs;

/// <summary>
/// Writes <see cref="SpoolFrame"/>s straight into a segment stream through one reused buffer, so an
/// append allocates no frame of its own: two arrays a record (about 1.7 KB) that lived through the group commit and
/// often died only after the collector had promoted them, as fragmentation of the oldest generation. Not thread-safe:
/// the spool's writer thread owns one, and recovery uses its own.
/// </summary>
internal sealed class SpoolFrameWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = SpoolJsonContext.Default.Options.Encoder,
        Indented = SpoolJsonContext.Default.Options.WriteIndented,
    };

    private readonly ArrayBufferWriter<byte> _payload = new(1024);

    public void Write(Stream stream, SpoolEntryKind kind, CallDetailRecord record)
    {
        _payload.ResetWrittenCount();
        _payload.GetSpan(1)[0] = (byte)kind;
        _payload.Advance(1);
        using (var json = new Utf8JsonWriter(_payload, JsonOptions))
        {
            JsonSerializer.Serialize(json, record, SpoolJsonContext.Default.CallDetailRecord);
        }

        var payload = _payload.WrittenSpan;
        Span<byte> header = stackalloc byte[SpoolFrame.HeaderLength];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
        stream.Write(header);
        stream.Write(payload);
    }
}

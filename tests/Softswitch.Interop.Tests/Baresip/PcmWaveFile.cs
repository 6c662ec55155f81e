using System.Buffers.Binary;

namespace Softswitch.Interop.Tests.Baresip;

/// <summary>
/// Writes the tone baresip's aufile source plays into every call: a RIFF WAVE file of 16-bit PCM, mono, 8 kHz, which
/// G.711 carries without resampling.
/// </summary>
internal static class PcmWaveFile
{
    private const int SampleRate = 8000;
    private const short BytesPerSample = 2;
    private const int HeaderLength = 44;
    private const double FrequencyHz = 440;
    private const double Amplitude = 0.25 * short.MaxValue;

    public static void WriteTone(string path, TimeSpan length)
    {
        var samples = checked((int)(length.TotalSeconds * SampleRate));
        var dataLength = samples * BytesPerSample;
        var file = new byte[HeaderLength + dataLength];
        var span = file.AsSpan();

        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], HeaderLength - 8 + dataLength);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16); // size of the PCM fmt chunk
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // format tag: PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // channels
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 8 * BytesPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataLength);

        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(Amplitude * Math.Sin(2 * Math.PI * FrequencyHz * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderLength + (i * BytesPerSample))..], sample);
        }

        File.WriteAllBytes(path, file);
    }
}

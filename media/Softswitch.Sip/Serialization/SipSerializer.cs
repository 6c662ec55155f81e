using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Softswitch.Sip.Serialization;

/// <summary>
/// Writes messages in wire form (RFC 3261 §7). Unchanged header values are copied as raw bytes; the
/// Content-Length header is always written from the actual body length (RFC 3261 §20.14), and added when missing.
/// Header names are written in their long form.
/// </summary>
public static class SipSerializer
{
    private static readonly byte[] Version = "SIP/2.0"u8.ToArray();

    public static byte[] ToArray(SipMessage message)
    {
        var buffer = new byte[GetByteCount(message)];
        Write(message, buffer);
        return buffer;
    }

    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        var length = GetByteCount(message);
        var written = Write(message, writer.GetSpan(length));
        writer.Advance(written);
    }

    /// <summary>Exact number of bytes <see cref="Write(SipMessage, Span{byte})"/> produces.</summary>
    public static int GetByteCount(SipMessage message)
    {
        var length = message switch
        {
            SipRequest request => request.Method.Length + 1 + UriByteCount(request) + 1 + Version.Length,
            SipResponse response => Version.Length + 5 + ReasonByteCount(response),
            _ => throw new ArgumentException("Unknown message type", nameof(message)),
        } + 2;

        var headers = message.Headers;
        var contentLengthWritten = false;
        for (var i = 0; i < headers.Count; i++)
        {
            var kind = headers.KindAt(i);
            if (kind == SipHeaderKind.ContentLength)
            {
                if (contentLengthWritten)
                {
                    continue;
                }

                contentLengthWritten = true;
                length += ContentLengthLineLength(message.Body.Length);
                continue;
            }

            length += (kind == SipHeaderKind.Other && headers.TryGetRawName(i, out var rawName)
                ? rawName.Length
                : NameByteCount(headers, i, kind)) + 2;
            length += (headers.TryGetRawValue(i, out var raw) ? raw.Length : Encoding.UTF8.GetByteCount(headers.ValueAt(i))) + 2;
        }

        if (!contentLengthWritten)
        {
            length += ContentLengthLineLength(message.Body.Length);
        }

        return length + 2 + message.Body.Length;
    }

    /// <summary>Writes the message into <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(SipMessage message, Span<byte> destination)
    {
        var position = 0;
        switch (message)
        {
            case SipRequest request:
                Append(destination, ref position, request.Method);
                destination[position++] = (byte)' ';
                if (request.TryGetRawUri(out var rawUri))
                {
                    Append(destination, ref position, rawUri);
                }
                else
                {
                    Append(destination, ref position, request.RequestUriText);
                }

                destination[position++] = (byte)' ';
                Append(destination, ref position, Version);
                break;
            case SipResponse response:
                Append(destination, ref position, Version);
                destination[position++] = (byte)' ';
                Utf8Formatter.TryFormat(response.StatusCode, destination[position..], out var digits);
                position += digits;
                destination[position++] = (byte)' ';
                if (response.TryGetRawReason(out var rawReason))
                {
                    Append(destination, ref position, rawReason);
                }
                else
                {
                    Append(destination, ref position, response.ReasonPhrase);
                }

                break;
        }

        CrLf(destination, ref position);
        var headers = message.Headers;
        var contentLengthWritten = false;
        for (var i = 0; i < headers.Count; i++)
        {
            var kind = headers.KindAt(i);
            if (kind == SipHeaderKind.ContentLength)
            {
                if (!contentLengthWritten)
                {
                    WriteContentLength(destination, ref position, message.Body.Length);
                    contentLengthWritten = true;
                }

                continue;
            }

            if (kind != SipHeaderKind.Other)
            {
                Append(destination, ref position, SipHeaderNames.GetNameUtf8(kind));
            }
            else if (headers.TryGetRawName(i, out var rawName))
            {
                Append(destination, ref position, rawName);
            }
            else
            {
                Append(destination, ref position, headers.NameAt(i));
            }

            destination[position++] = (byte)':';
            destination[position++] = (byte)' ';
            if (headers.TryGetRawValue(i, out var raw))
            {
                Append(destination, ref position, raw);
            }
            else
            {
                Append(destination, ref position, headers.ValueAt(i));
            }

            CrLf(destination, ref position);
        }

        if (!contentLengthWritten)
        {
            WriteContentLength(destination, ref position, message.Body.Length);
        }

        CrLf(destination, ref position);
        Append(destination, ref position, message.Body.Span);
        return position;
    }

    private static int UriByteCount(SipRequest request) =>
        request.TryGetRawUri(out var raw) ? raw.Length : Encoding.UTF8.GetByteCount(request.RequestUriText);

    private static int ReasonByteCount(SipResponse response) =>
        response.TryGetRawReason(out var raw) ? raw.Length : Encoding.UTF8.GetByteCount(response.ReasonPhrase);

    private static int NameByteCount(SipHeaders headers, int index, SipHeaderKind kind) =>
        kind == SipHeaderKind.Other ? Encoding.UTF8.GetByteCount(headers.NameAt(index)) : SipHeaderNames.GetNameUtf8(kind).Length;

    private static int ContentLengthLineLength(int bodyLength) => "Content-Length: ".Length + DigitCount(bodyLength) + 2;

    private static int DigitCount(int value) => value < 10 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;

    private static void WriteContentLength(Span<byte> destination, ref int position, int bodyLength)
    {
        Append(destination, ref position, "Content-Length: "u8);
        Utf8Formatter.TryFormat(bodyLength, destination[position..], out var digits);
        position += digits;
        CrLf(destination, ref position);
    }

    private static void Append(Span<byte> destination, ref int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[position..]);
        position += bytes.Length;
    }

    private static void Append(Span<byte> destination, ref int position, string text) =>
        position += Encoding.UTF8.GetBytes(text, destination[position..]);

    private static void CrLf(Span<byte> destination, ref int position)
    {
        destination[position++] = (byte)'\r';
        destination[position++] = (byte)'\n';
    }
}

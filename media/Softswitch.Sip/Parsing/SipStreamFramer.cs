using System.Buffers;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Cuts a byte stream (TCP) into SIP messages: partial messages wait for more bytes, pipelined messages come out
/// one by one, and CRLF keep-alives (RFC 5626 §3.5.1) are reported separately. The receive buffer is pooled.
/// Not thread-safe: one framer per connection, fed by its receive loop.
/// </summary>
public sealed class SipStreamFramer : IDisposable
{
    private readonly SipParser _parser;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public SipStreamFramer(SipParser? parser = null, int initialSize = 4096)
    {
        _parser = parser ?? SipParser.Default;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    /// <summary>Bytes received but not yet returned as frames.</summary>
    public int Buffered => _end - _start;

    /// <summary>Space to receive into; call <see cref="Advance"/> with the number of bytes written.</summary>
    public Memory<byte> GetMemory(int sizeHint = 2048)
    {
        if (_start > 0 && _end == _start)
        {
            _start = _end = 0;
        }

        if (_buffer.Length - _end < sizeHint)
        {
            var needed = Buffered + sizeHint;
            if (needed <= _buffer.Length)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, Buffered);
            }
            else
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
                Buffer.BlockCopy(_buffer, _start, larger, 0, Buffered);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            _end = Buffered;
            _start = 0;
        }

        return _buffer.AsMemory(_end);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _end);
        _end += count;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetMemory(data.Length).Span);
        Advance(data.Length);
    }

    /// <summary>Returns the next frame; call repeatedly until <see cref="SipFrameKind.NeedMoreData"/>.</summary>
    public SipFrame Read()
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        if (data.IsEmpty)
        {
            return new SipFrame(SipFrameKind.NeedMoreData);
        }

        if (data[0] == '\r')
        {
            return ReadKeepAlive(data);
        }

        var result = _parser.Parse(data, SipFraming.Stream);
        switch (result.Status)
        {
            case SipParseStatus.Complete:
                _start += result.Consumed;
                return new SipFrame(SipFrameKind.Message, result.Message);
            case SipParseStatus.NeedMoreData:
                return new SipFrame(SipFrameKind.NeedMoreData);
            default:
                // Without a known frame end the rest of the stream is unusable: drop it.
                _start = result.Consumed == 0 ? _end : _start + result.Consumed;
                return new SipFrame(SipFrameKind.Invalid, result.Message, result.Error, IsFatal: result.Consumed == 0);
        }
    }

    private SipFrame ReadKeepAlive(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\r\n\r\n"u8))
        {
            _start += 4;
            return new SipFrame(SipFrameKind.KeepAlivePing);
        }

        if (data.Length == 1 || (data.Length == 3 && data.StartsWith("\r\n\r"u8)))
        {
            return new SipFrame(SipFrameKind.NeedMoreData);
        }

        if (data.StartsWith("\r\n"u8))
        {
            _start += 2;
            return new SipFrame(SipFrameKind.KeepAlivePong);
        }

        _start = _end;
        return new SipFrame(SipFrameKind.Invalid, Error: SipParseError.BadRequest("Malformed start line", SipParseErrorKind.StartLine), IsFatal: true);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _start = _end = 0;
        }
    }
}

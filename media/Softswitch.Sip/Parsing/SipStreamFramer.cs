using System.Buffers;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Cuts a byte stream (TCP) into SIP messages: partial messages wait for more bytes, pipelined messages come out
/// one by one, and CRLF keep-alives (RFC 5626 §3.5.1) are reported separately. The receive buffer is pooled.
/// Not thread-safe: one framer per connection, fed by its receive loop.
/// </summary>
/// <remarks>
/// Framing is incremental: until the header block ends, each read only scans its own new bytes for the empty line;
/// once the header block is parsed, the frame length is known and the body is not looked at until it is all there.
/// So a peer that sends one byte at a time costs linear, not quadratic, work.
/// </remarks>
public sealed class SipStreamFramer : IDisposable
{
    private readonly SipParser _parser;
    private byte[] _buffer;
    private int _start;
    private int _end;

    // Progress on the frame at _start, relative to _start: bytes already scanned for the empty line, where the
    // current header line starts, and the whole frame's length once its header block has been parsed (0 = unknown).
    private int _scanned;
    private int _lineStart;
    private int _frameLength;

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

        if (data[0] == '\r' && _scanned == 0)
        {
            return ReadKeepAlive(data);
        }

        if (_frameLength > 0 ? data.Length < _frameLength : !HeaderBlockEndsOrBreaksLimits(data))
        {
            return new SipFrame(SipFrameKind.NeedMoreData);
        }

        var result = _parser.Parse(data, SipFraming.Stream);
        switch (result.Status)
        {
            case SipParseStatus.Complete:
                Consume(result.Consumed);
                return new SipFrame(SipFrameKind.Message, result.Message);
            case SipParseStatus.NeedMoreData:
                _frameLength = result.FrameLength;
                return new SipFrame(SipFrameKind.NeedMoreData);
            default:
                // Without a known frame end the rest of the stream is unusable: drop it.
                Consume(result.Consumed == 0 ? data.Length : result.Consumed);
                return new SipFrame(SipFrameKind.Invalid, result.Message, result.Error, IsFatal: result.Consumed == 0);
        }
    }

    /// <summary>
    /// Scans only the bytes not scanned before. True when the header block is complete, or when it has outgrown a
    /// limit (the parser then names the fault).
    /// </summary>
    private bool HeaderBlockEndsOrBreaksLimits(ReadOnlySpan<byte> data)
    {
        // Three bytes back, so an empty line split across reads is still found.
        var from = Math.Max(0, _scanned - 3);
        var fresh = data[from..];
        var found = fresh.IndexOf("\r\n\r\n"u8) >= 0;
        var lastLineFeed = fresh.LastIndexOf((byte)'\n');
        if (lastLineFeed >= 0)
        {
            _lineStart = from + lastLineFeed + 1;
        }

        _scanned = data.Length;
        var options = _parser.Options;
        return found || data.Length >= options.MaxMessageSize || data.Length - _lineStart > options.MaxLineLength;
    }

    private void Consume(int count)
    {
        _start += count;
        _scanned = _lineStart = _frameLength = 0;
    }

    private SipFrame ReadKeepAlive(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\r\n\r\n"u8))
        {
            Consume(4);
            return new SipFrame(SipFrameKind.KeepAlivePing);
        }

        if (data.Length == 1 || (data.Length == 3 && data.StartsWith("\r\n\r"u8)))
        {
            return new SipFrame(SipFrameKind.NeedMoreData);
        }

        if (data.StartsWith("\r\n"u8))
        {
            Consume(2);
            return new SipFrame(SipFrameKind.KeepAlivePong);
        }

        Consume(data.Length);
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

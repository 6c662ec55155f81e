using System.Buffers;
using System.Text;

namespace Softswitch.Sip.Parsing;

/// <summary>
/// Parses SIP messages from bytes (RFC 3261 §7, §18.3). The parser only indexes header lines and copies the
/// frame once; names and values become strings when the caller reads them. Limits from
/// <see cref="SipParserOptions"/> are checked on the raw bytes before any header is looked at.
/// </summary>
public sealed class SipParser
{
    private const ulong RequiredHeaders =
        (1UL << (int)SipHeaderKind.Via) | (1UL << (int)SipHeaderKind.From) | (1UL << (int)SipHeaderKind.To)
        | (1UL << (int)SipHeaderKind.CallId) | (1UL << (int)SipHeaderKind.CSeq);

    private readonly SipParserOptions _options;

    public SipParser(SipParserOptions? options = null)
    {
        _options = options ?? SipParserOptions.Default;
        _options.Validate();
    }

    public static SipParser Default { get; } = new();

    public SipParserOptions Options => _options;

    /// <summary>Parses a possibly multi-segment buffer (e.g. from a pipe) by copying it into one pooled span.</summary>
    public SipParseResult Parse(in ReadOnlySequence<byte> input, SipFraming framing)
    {
        if (input.IsSingleSegment)
        {
            return Parse(input.FirstSpan, framing);
        }

        var length = (int)Math.Min(input.Length, _options.MaxMessageSize + 4L);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            input.Slice(0, length).CopyTo(rented);
            return Parse(rented.AsSpan(0, length), framing);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Parses one message at the start of <paramref name="input"/>. Returns <see cref="SipParseStatus.NeedMoreData"/>
    /// (consuming nothing) when a stream has not delivered the whole message yet.
    /// </summary>
    public SipParseResult Parse(ReadOnlySpan<byte> input, SipFraming framing)
    {
        // RFC 3261 §7.5: CRLFs before the start-line are ignored.
        var offset = 0;
        while (offset + 1 < input.Length && input[offset] == '\r' && input[offset + 1] == '\n')
        {
            offset += 2;
        }

        var rest = input[offset..];
        if (framing == SipFraming.Datagram && rest.Length > _options.MaxMessageSize)
        {
            return SipParseResult.Reject(SipParseError.TooLarge($"Datagram exceeds {_options.MaxMessageSize} bytes"));
        }

        var window = rest[..Math.Min(rest.Length, _options.MaxMessageSize)];
        var headerEnd = window.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return Incomplete(window, rest.Length, framing);
        }

        var headerBlock = window[..(headerEnd + 2)];
        var lineCount = headerBlock.Count((byte)'\n');
        if (lineCount - 1 > _options.MaxHeaderCount)
        {
            return SipParseResult.Reject(SipParseError.TooLarge($"More than {_options.MaxHeaderCount} header lines"));
        }

        var firstLineEnd = headerBlock.IndexOf("\r\n"u8);
        if (firstLineEnd > _options.MaxLineLength)
        {
            return SipParseResult.Reject(SipParseError.TooLarge("Start line too long"));
        }

        var entries = new HeaderEntry[Math.Max(lineCount - 1, 1)];
        var index = IndexHeaders(headerBlock, firstLineEnd + 2, entries);
        if (index.Error is not null)
        {
            return SipParseResult.Reject(index.Error);
        }

        var count = index.Count;
        var bodyStart = headerEnd + 4;
        var contentLength = -1;
        if (index.ContentLength >= 0)
        {
            contentLength = ParseContentLength(rest, entries, index.ContentLength, count);
            if (contentLength < 0)
            {
                return BuildInvalid(rest, offset, firstLineEnd, entries, count, bodyStart, framing,
                    SipParseError.BadRequest("Malformed Content-Length", SipParseErrorKind.ContentLength));
            }
        }

        int bodyLength;
        if (framing == SipFraming.Stream)
        {
            if (contentLength < 0)
            {
                // RFC 3261 §18.3: Content-Length MUST be used with stream transports; the frame end is unknowable.
                return BuildInvalid(rest, offset, firstLineEnd, entries, count, bodyStart, framing,
                    SipParseError.MissingHeader("Content-Length"));
            }

            if ((long)bodyStart + contentLength > _options.MaxMessageSize)
            {
                return BuildInvalid(rest, offset, firstLineEnd, entries, count, bodyStart, framing,
                    SipParseError.TooLarge($"Body exceeds {_options.MaxMessageSize} bytes"));
            }

            if (rest.Length < bodyStart + contentLength)
            {
                return SipParseResult.NeedBytes(offset + bodyStart + contentLength);
            }

            bodyLength = contentLength;
        }
        else
        {
            var available = rest.Length - bodyStart;
            if (contentLength > available)
            {
                // RFC 3261 §18.3: a datagram shorter than Content-Length gets 400.
                return BuildInvalid(rest, offset, firstLineEnd, entries, count, bodyStart, framing,
                    SipParseError.BadRequest("Content-Length larger than message", SipParseErrorKind.ContentLength));
            }

            // RFC 3261 §18.3: octets past Content-Length in a datagram are discarded.
            bodyLength = contentLength < 0 ? available : contentLength;
        }

        var frameLength = bodyStart + bodyLength;
        var buffer = rest[..frameLength].ToArray();
        var headers = new SipHeaders(buffer, entries, count);
        var body = buffer.AsMemory(bodyStart, bodyLength);
        var consumed = offset + frameLength;
        var message = CreateMessage(buffer, firstLineEnd, headers, body, out var startLineError);
        if (message is null)
        {
            return SipParseResult.Reject(startLineError!, null, consumed);
        }

        var error = startLineError ?? CheckEssentials(message, rest, entries, index);
        return error is null
            ? new SipParseResult(SipParseStatus.Complete, consumed, message, null)
            : SipParseResult.Reject(error, message, consumed);
    }

    private SipParseResult Incomplete(ReadOnlySpan<byte> window, int available, SipFraming framing)
    {
        if (available >= _options.MaxMessageSize)
        {
            return SipParseResult.Reject(SipParseError.TooLarge($"Headers exceed {_options.MaxMessageSize} bytes"));
        }

        var lastLineStart = window.LastIndexOf((byte)'\n') + 1;
        if (window.Length - lastLineStart > _options.MaxLineLength)
        {
            return SipParseResult.Reject(SipParseError.TooLarge("Header line too long"));
        }

        return framing == SipFraming.Datagram
            ? SipParseResult.Reject(SipParseError.BadRequest("Missing empty line after headers", SipParseErrorKind.HeaderSyntax))
            : SipParseResult.NeedMoreData;
    }

    /// <summary>What indexing the header lines found: an error, or what the checks after it need.</summary>
    private struct HeaderIndex
    {
        public SipParseError? Error;
        public int Count;

        /// <summary>Bit k is set when a header of kind k is present.</summary>
        public ulong Seen;

        /// <summary>A header that must appear once but appears again; <see cref="SipHeaderKind.Other"/> when none.</summary>
        public SipHeaderKind Duplicate;

        /// <summary>Entry index of the first line of that header, or -1.</summary>
        public int ContentLength;

        /// <inheritdoc cref="ContentLength"/>
        public int CSeq;

        /// <inheritdoc cref="ContentLength"/>
        public int CallId;
    }

    private HeaderIndex IndexHeaders(ReadOnlySpan<byte> block, int position, HeaderEntry[] entries)
    {
        var index = new HeaderIndex { ContentLength = -1, CSeq = -1, CallId = -1 };
        var count = 0;
        var seen = 0UL;
        var breaks = new LineBreakScanner(block);
        while (position < block.Length)
        {
            // The block ends with CRLF, so a break is always found; the line is clean when it is that CRLF.
            var lineEnd = breaks.Next(position);
            while (block[lineEnd] == 0 && lineEnd > position && block[lineEnd - 1] == '\\')
            {
                // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F), so an escaped NUL is text (RFC 4475 §3.1.1.2).
                lineEnd = breaks.Next(lineEnd + 1);
            }

            if (block[lineEnd] != '\r' || block[lineEnd + 1] != '\n')
            {
                return Failed(RejectLine(block[position..]));
            }

            var lineLength = lineEnd - position;
            if (lineLength > _options.MaxLineLength)
            {
                return Failed(SipParseError.TooLarge("Header line too long"));
            }

            var line = block.Slice(position, lineLength);
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header value.
                if (count == 0)
                {
                    return Failed(SipParseError.BadRequest("Continuation line before first header", SipParseErrorKind.HeaderSyntax));
                }

                ref var previous = ref entries[count - 1];
                var end = position + TrimEnd(line);
                if (end > position)
                {
                    if (previous.ValueLength == 0)
                    {
                        previous.ValueStart = position + TrimStart(line);
                    }

                    previous.ValueLength = end - previous.ValueStart;
                    previous.Folded = true;
                }

                position += lineLength + 2;
                continue;
            }

            // RFC 3261 §25.1: header-name HCOLON, with HCOLON = *( SP / HTAB ) ":" SWS
            var nameLength = SipGrammar.TokenLength(line);
            var colon = nameLength;
            while (colon < line.Length && line[colon] is (byte)' ' or (byte)'\t')
            {
                colon++;
            }

            if (nameLength == 0 || colon == line.Length || line[colon] != ':')
            {
                return Failed(RejectHeaderName(line));
            }

            var name = line[..nameLength];
            var kind = SipHeaderNames.Identify(name);
            var bit = 1UL << (int)kind;
            if ((seen & bit) == 0)
            {
                seen |= bit;
                switch (kind)
                {
                    case SipHeaderKind.ContentLength:
                        index.ContentLength = count;
                        break;
                    case SipHeaderKind.CSeq:
                        index.CSeq = count;
                        break;
                    case SipHeaderKind.CallId:
                        index.CallId = count;
                        break;
                }
            }
            else if (kind is SipHeaderKind.CallId or SipHeaderKind.CSeq or SipHeaderKind.From or SipHeaderKind.To or SipHeaderKind.MaxForwards)
            {
                index.Duplicate = kind;
            }

            var valueSpan = line[(colon + 1)..];
            var valueStart = position + colon + 1 + TrimStart(valueSpan);
            var valueEnd = position + colon + 1 + TrimEnd(valueSpan);
            entries[count++] = new HeaderEntry
            {
                Kind = kind,
                NameStart = position,
                ValueStart = valueStart,
                ValueLength = Math.Max(0, valueEnd - valueStart),
            };
            position += lineLength + 2;
        }

        index.Count = count;
        index.Seen = seen;
        return index;
    }

    private static HeaderIndex Failed(SipParseError error) => new() { Error = error };

    /// <summary>A header line holding a CR, LF or NUL before its CRLF: too long if that CRLF is past the limit, else invalid.</summary>
    private SipParseError RejectLine(ReadOnlySpan<byte> remaining) =>
        remaining.IndexOf("\r\n"u8) > _options.MaxLineLength
            ? SipParseError.TooLarge("Header line too long")
            : SipParseError.BadRequest("Invalid character in header line", SipParseErrorKind.HeaderSyntax);

    /// <summary>A header line that does not start with a token and HCOLON: malformed without a colon after its first byte, else a bad name.</summary>
    private static SipParseError RejectHeaderName(ReadOnlySpan<byte> line) =>
        line.IndexOf((byte)':') <= 0
            ? SipParseError.BadRequest("Malformed header line", SipParseErrorKind.HeaderSyntax)
            : SipParseError.BadRequest("Invalid header name", SipParseErrorKind.HeaderSyntax);

    /// <summary>Returns the Content-Length, or -1 when malformed or when several lines disagree.</summary>
    private static int ParseContentLength(ReadOnlySpan<byte> frame, HeaderEntry[] entries, int first, int count)
    {
        var result = -1;
        for (var i = first; i < count; i++)
        {
            if (entries[i].Kind != SipHeaderKind.ContentLength)
            {
                continue;
            }

            var value = TrimFolding(frame.Slice(entries[i].ValueStart, entries[i].ValueLength));
            if (value.IsEmpty || value.Length > 9)
            {
                return -1;
            }

            var number = 0;
            foreach (var b in value)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return -1;
                }

                number = (number * 10) + (b - '0');
            }

            if (result >= 0 && result != number)
            {
                return -1;
            }

            result = number;
        }

        return result;
    }

    private static SipMessage? CreateMessage(byte[] buffer, int lineEnd, SipHeaders headers, ReadOnlyMemory<byte> body, out SipParseError? error)
    {
        error = null;
        var line = buffer.AsSpan(0, lineEnd);
        if (line.IndexOfAny((byte)'\r', (byte)'\n', (byte)0) >= 0)
        {
            error = StartLineError();
            return null;
        }

        if (line.StartsWith("SIP/"u8))
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (RFC 3261 §7.2)
            if (line.Length < 11 || line[7] != ' ' || !Ascii.EqualsIgnoreCase(line[..7], "SIP/2.0"u8))
            {
                error = IsVersionShaped(line[..Math.Max(0, line.IndexOf((byte)' '))]) ? SipParseError.VersionNotSupported : StartLineError();
                return null;
            }

            var code = line.Slice(8, 3);
            if (!IsDigits(code) || code[0] is < (byte)'1' or > (byte)'6' || (line.Length > 11 && line[11] != ' '))
            {
                error = StartLineError();
                return null;
            }

            var status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
            var reasonStart = Math.Min(12, line.Length);
            return new SipResponse(status, buffer, reasonStart, line.Length - reasonStart, headers, body);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version (RFC 3261 §7.1): exactly one SP between elements.
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0 || !SipGrammar.IsToken(line[..firstSpace]))
        {
            error = StartLineError();
            return null;
        }

        // From here on the method is known, so a malformed line still yields a request whose 400 can be routed
        // (RFC 4475 §3.1.2.8-10: LWS in the Request-URI, several SP between elements, SP after the version).
        var lastSpace = line.LastIndexOf((byte)' ');
        var uriLength = Math.Max(0, lastSpace - firstSpace - 1);
        var uri = line.Slice(firstSpace + 1, uriLength);
        var version = line[(lastSpace + 1)..];
        var request = new SipRequest(SipMethods.FromToken(line[..firstSpace]), buffer, firstSpace + 1, uriLength, headers, body);
        if (uri.IsEmpty || uri.IndexOfAny((byte)' ', (byte)'\t') >= 0 || uri.IndexOf((byte)':') <= 0)
        {
            error = StartLineError();
        }
        else if (!Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            error = IsVersionShaped(version) ? SipParseError.VersionNotSupported : StartLineError();
        }

        return request;
    }

    /// <summary>RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards (tolerated when absent) and Via are mandatory.</summary>
    private static SipParseError? CheckEssentials(SipMessage message, ReadOnlySpan<byte> frame, HeaderEntry[] entries, in HeaderIndex index)
    {
        if ((index.Seen & RequiredHeaders) != RequiredHeaders)
        {
            foreach (var kind in (ReadOnlySpan<SipHeaderKind>)[SipHeaderKind.Via, SipHeaderKind.From, SipHeaderKind.To, SipHeaderKind.CallId, SipHeaderKind.CSeq])
            {
                if ((index.Seen & (1UL << (int)kind)) == 0)
                {
                    return SipParseError.MissingHeader(SipHeaderNames.GetName(kind));
                }
            }
        }

        if (index.Duplicate != SipHeaderKind.Other)
        {
            return SipParseError.BadRequest("Duplicate " + SipHeaderNames.GetName(index.Duplicate));
        }

        // Each is present exactly once here; when both are bad, the one on the earlier line is reported.
        var cseq = entries[index.CSeq];
        var cseqValid = IsValidCSeq(TrimFolding(frame.Slice(cseq.ValueStart, cseq.ValueLength)), message as SipRequest);
        var callIdEmpty = entries[index.CallId].ValueLength == 0;
        if (!cseqValid && (!callIdEmpty || index.CSeq < index.CallId))
        {
            return SipParseError.BadRequest("Malformed CSeq");
        }

        return callIdEmpty ? SipParseError.BadRequest("Empty Call-ID") : null;
    }

    /// <summary>CSeq = 1*DIGIT LWS Method, with the method equal to the request's (RFC 3261 §8.1.1.5).</summary>
    private static bool IsValidCSeq(ReadOnlySpan<byte> value, SipRequest? request)
    {
        // LWS may be folded: CSeq: 0009 CRLF SP INVITE (RFC 4475 §3.1.1.1).
        var space = value.IndexOfAny(" \t\r\n"u8);
        if (space <= 0 || space > 10 || !IsDigits(value[..space]) || (space == 10 && value[..space].SequenceCompareTo("2147483647"u8) > 0))
        {
            return false;
        }

        var method = TrimFolding(value[space..]);
        if (!SipGrammar.IsToken(method))
        {
            return false;
        }

        return request is null || Ascii.Equals(method, request.Method);
    }

    private static SipParseResult BuildInvalid(ReadOnlySpan<byte> rest, int offset, int firstLineEnd, HeaderEntry[] entries, int count, int bodyStart, SipFraming framing, SipParseError error)
    {
        // The headers are indexed, so keep the message: the transport may still answer it (RFC 3261 §18.3).
        // On a stream these errors leave the frame end unknown, so nothing is consumed and the connection is unusable.
        var buffer = rest[..bodyStart].ToArray();
        var message = CreateMessage(buffer, firstLineEnd, new SipHeaders(buffer, entries, count), ReadOnlyMemory<byte>.Empty, out _);
        var consumed = framing == SipFraming.Datagram ? offset + rest.Length : 0;
        return SipParseResult.Reject(error, message, consumed);
    }

    private static ReadOnlySpan<byte> TrimFolding(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && value[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var end = value.Length;
        while (end > start && value[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        return value[start..end];
    }

    private static int TrimStart(ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < value.Length && value[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i;
    }

    private static int TrimEnd(ReadOnlySpan<byte> value)
    {
        var end = value.Length;
        while (end > 0 && value[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return end;
    }

    private static bool IsDigits(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static bool IsVersionShaped(ReadOnlySpan<byte> version) =>
        version.Length >= 5 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8);

    private static SipParseError StartLineError() => SipParseError.BadRequest("Malformed start line", SipParseErrorKind.StartLine);
}

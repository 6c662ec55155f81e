using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private readonly byte[]? _source;
    private readonly int _uriStart;
    private readonly int _uriLength;
    private string? _uriText;
    private SipUri? _uri;

    /// <summary>Builds a request in code; add the headers with the typed setters or <see cref="SipMessage.Headers"/>.</summary>
    public SipRequest(string method, SipUri uri)
        : base(new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
        if (!SipGrammar.IsToken(method))
        {
            throw new ArgumentException("A method is a token (RFC 3261 §25.1).", nameof(method));
        }

        Method = method;
        _uri = uri;
    }

    internal SipRequest(string method, byte[] source, int uriStart, int uriLength, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _source = source;
        _uriStart = uriStart;
        _uriLength = uriLength;
    }

    public string Method { get; }

    /// <summary>The Request-URI as written on the wire.</summary>
    public string RequestUriText => _uriText ??= _uri?.ToString() ?? Encoding.UTF8.GetString(_source!, _uriStart, _uriLength);

    /// <summary>The Request-URI (RFC 3261 §8.1.1.1); throws <see cref="SipParseException"/> for unsupported schemes.</summary>
    public SipUri Uri
    {
        get => _uri ??= SipUri.TryParse(RequestUriText, out var uri)
            ? uri
            : throw new SipParseException(new SipParseError(SipParseErrorKind.StartLine, 416, "Unsupported URI Scheme"));
        set
        {
            _uri = value;
            _uriText = null;
        }
    }

    internal bool TryGetRawUri(out ReadOnlySpan<byte> raw)
    {
        if (_uriText is null && _source is not null)
        {
            raw = _source.AsSpan(_uriStart, _uriLength);
            return true;
        }

        raw = default;
        return false;
    }

    /// <summary>
    /// RFC 3261 §16.6 item 3: decrement Max-Forwards (adding 70 when absent, §8.1.1.6). Returns false when the
    /// request arrived with 0 and must be answered 483 Too Many Hops instead of forwarded.
    /// </summary>
    public bool TryDecrementMaxForwards()
    {
        var current = MaxForwards ?? 71;
        if (current <= 0)
        {
            return false;
        }

        MaxForwards = current - 1;
        return true;
    }

    public override string ToString() => string.Concat(Method, " ", RequestUriText, " SIP/2.0");

    /// <summary>Creates a request with the mandatory headers of RFC 3261 §8.1.1 filled in (Via is added by the transaction).</summary>
    public static SipRequest Create(string method, SipUri uri, SipNameAddress from, SipNameAddress to, string callId, uint sequence)
    {
        var request = new SipRequest(method, uri);
        request.Headers.Add(SipHeaderKind.MaxForwards, "70");
        request.Headers.Add(SipHeaderKind.From, from.ToString());
        request.Headers.Add(SipHeaderKind.To, to.ToString());
        request.Headers.Add(SipHeaderKind.CallId, callId);
        request.Headers.Add(SipHeaderKind.CSeq, string.Concat(sequence.ToString(CultureInfo.InvariantCulture), " ", method));
        return request;
    }
}

using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>A SIP response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    private readonly byte[]? _source;
    private readonly int _reasonStart;
    private readonly int _reasonLength;
    private string? _reasonPhrase;

    public SipResponse(int statusCode, string? reasonPhrase = null)
        : base(new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        _reasonPhrase = reasonPhrase ?? SipStatusCodes.GetReasonPhrase(statusCode);
    }

    internal SipResponse(int statusCode, byte[] source, int reasonStart, int reasonLength, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        StatusCode = statusCode;
        _source = source;
        _reasonStart = reasonStart;
        _reasonLength = reasonLength;
    }

    public int StatusCode { get; }

    public string ReasonPhrase
    {
        get => _reasonPhrase ??= Encoding.UTF8.GetString(_source!, _reasonStart, _reasonLength);
        set => _reasonPhrase = value;
    }

    public bool IsProvisional => StatusCode < 200;

    /// <summary>Made by this stack for a timeout (408) or transport failure (503), not received from the peer.</summary>
    public bool IsLocal { get; internal set; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    internal bool TryGetRawReason(out ReadOnlySpan<byte> raw)
    {
        if (_reasonPhrase is null && _source is not null)
        {
            raw = _source.AsSpan(_reasonStart, _reasonLength);
            return true;
        }

        raw = default;
        return false;
    }

    /// <summary>
    /// Builds a response to <paramref name="request"/> per RFC 3261 §8.2.6.2: Via (all), From, Call-ID and CSeq copied,
    /// To copied with a tag added when it has none and the status is above 100. Pass the same <paramref name="toTag"/>
    /// for every response of a dialog; a fresh one is generated when null. Record-Route is copied for 101-299 (§12.1.1).
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        var headers = request.Headers;
        headers.CopyTo(response.Headers, SipHeaderKind.Via);
        headers.CopyTo(response.Headers, SipHeaderKind.From);
        var to = headers[SipHeaderKind.To];
        if (to is not null)
        {
            if (statusCode > 100 && SipNameAddress.TryParse(to, out var toAddress) && toAddress.Tag is null)
            {
                to = toAddress.WithTag(toTag ?? SipIdentifiers.NewTag()).ToString();
            }

            response.Headers.Add(SipHeaderKind.To, to);
        }

        headers.CopyTo(response.Headers, SipHeaderKind.CallId);
        headers.CopyTo(response.Headers, SipHeaderKind.CSeq);
        if (statusCode is > 100 and < 300)
        {
            headers.CopyTo(response.Headers, SipHeaderKind.RecordRoute);
        }

        return response;
    }

    public override string ToString() => string.Concat(StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", ReasonPhrase);
}

namespace Softswitch.Sip.Parsing;

/// <summary>What went wrong, in words a 400 response can carry.</summary>
public enum SipParseErrorKind
{
    StartLine,
    HeaderSyntax,
    MissingHeader,
    InvalidHeaderValue,
    ContentLength,
    LimitExceeded,
    VersionNotSupported,
}

/// <summary>
/// A typed parse failure. <see cref="StatusCode"/> and <see cref="ReasonPhrase"/> form the response a
/// transport sends back when the message can still be routed (RFC 3261 §8.2: "Bad Request - Missing Call-ID").
/// </summary>
public sealed record SipParseError(SipParseErrorKind Kind, int StatusCode, string ReasonPhrase)
{
    public static SipParseError BadRequest(string detail, SipParseErrorKind kind = SipParseErrorKind.InvalidHeaderValue) =>
        new(kind, 400, "Bad Request - " + detail);

    public static SipParseError MissingHeader(string headerName) =>
        new(SipParseErrorKind.MissingHeader, 400, "Bad Request - Missing " + headerName);

    /// <summary>RFC 3261 §21.5.14: 513 Message Too Large.</summary>
    public static SipParseError TooLarge(string detail) => new(SipParseErrorKind.LimitExceeded, 513, "Message Too Large - " + detail);

    /// <summary>RFC 3261 §21.5.15: 505 Version Not Supported.</summary>
    public static readonly SipParseError VersionNotSupported =
        new(SipParseErrorKind.VersionNotSupported, 505, "Version Not Supported");

    public override string ToString() => $"{StatusCode} {ReasonPhrase}";
}

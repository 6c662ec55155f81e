namespace Softswitch.Sip.Parsing;

public enum SipFrameKind
{
    NeedMoreData,
    Message,

    /// <summary>RFC 5626 §3.5.1: a double CRLF ping; answer with a single CRLF pong.</summary>
    KeepAlivePing,

    /// <summary>RFC 5626 §3.5.1: a single CRLF pong (or a stray CRLF, which RFC 3261 §7.5 says to ignore).</summary>
    KeepAlivePong,

    /// <summary>Bad input. When <see cref="SipFrame.IsFatal"/> the stream cannot be resynchronised and must be closed.</summary>
    Invalid,
}

/// <summary>One item read from a stream: a message, a keep-alive, or an error (with the message if its headers were readable).</summary>
public readonly record struct SipFrame(SipFrameKind Kind, SipMessage? Message = null, SipParseError? Error = null, bool IsFatal = false);

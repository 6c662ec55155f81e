namespace Softswitch.Sip.Parsing;

public enum SipParseStatus
{
    /// <summary>A message was parsed; <see cref="SipParseResult.Consumed"/> bytes belong to it.</summary>
    Complete,

    /// <summary>The input ends before the message does. Nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>The input is not a valid message. See <see cref="SipParseResult.Error"/>.</summary>
    Invalid,
}

/// <summary>
/// The outcome of one parse. An <see cref="SipParseStatus.Invalid"/> result may still carry the indexed
/// <see cref="Message"/> (its headers are readable, so a 400 can be routed), and a non-zero <see cref="Consumed"/>
/// when the frame boundary is known (a stream can carry on with the next message); with zero the stream is unusable.
/// </summary>
public readonly record struct SipParseResult(SipParseStatus Status, int Consumed, SipMessage? Message, SipParseError? Error)
{
    public static readonly SipParseResult NeedMoreData = new(SipParseStatus.NeedMoreData, 0, null, null);

    /// <summary>
    /// With <see cref="SipParseStatus.NeedMoreData"/> on a stream whose header block is complete: the whole frame's
    /// length (leading CRLFs included), so a framer can wait for that many bytes without parsing again. 0 when unknown.
    /// </summary>
    public int FrameLength { get; init; }

    public static SipParseResult NeedBytes(int frameLength) => NeedMoreData with { FrameLength = frameLength };

    public static SipParseResult Reject(SipParseError error, SipMessage? message = null, int consumed = 0) =>
        new(SipParseStatus.Invalid, consumed, message, error);
}

namespace Softswitch.Sip.Parsing;

/// <summary>Size limits checked before any header is parsed (like Kestrel's request line and header limits).</summary>
public sealed record SipParserOptions
{
    public static SipParserOptions Default { get; } = new();

    /// <summary>Start line, headers and body together. RFC 3261 §18.1.1 puts UDP at 1300 bytes typical; 64 KiB is the UDP maximum.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Physical header lines (continuation lines count).</summary>
    public int MaxHeaderCount { get; init; } = 128;

    public int MaxLineLength { get; init; } = 8 * 1024;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderCount, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 64);
    }
}

namespace Softswitch.Sip.Messages;

/// <summary>
/// Index of one header line. Parsed messages point into the message buffer and only materialise the
/// name and value strings on first access (the Kestrel-style "index first, decode lazily" approach).
/// </summary>
internal struct HeaderEntry
{
    public SipHeaderKind Kind;
    public int NameStart;
    public int NameLength;
    public int ValueStart;
    public int ValueLength;

    /// <summary>The raw value spans continuation lines (RFC 3261 §7.3.1 LWS folding).</summary>
    public bool Folded;

    /// <summary>Name for <see cref="SipHeaderKind.Other"/> headers added programmatically or already decoded.</summary>
    public string? Name;

    /// <summary>Decoded value, or the value set programmatically (then the raw offsets are unused).</summary>
    public string? Value;
}

namespace Softswitch.Sip.Messages;

/// <summary>
/// Index of one header line. Parsed messages point into the message buffer and only materialise the
/// name and value strings on first access (the Kestrel-style "index first, decode lazily" approach); those strings
/// live beside the entries in <see cref="SipHeaders"/>, which keeps this struct free of references and small.
/// </summary>
internal struct HeaderEntry
{
    public SipHeaderKind Kind;

    /// <summary>The raw value spans continuation lines (RFC 3261 §7.3.1 LWS folding).</summary>
    public bool Folded;

    /// <summary>
    /// Where the name starts in the message buffer; it runs to the end of the token there. 0 for a header added in
    /// code, since offset 0 holds the start line.
    /// </summary>
    public int NameStart;

    public int ValueStart;
    public int ValueLength;
}

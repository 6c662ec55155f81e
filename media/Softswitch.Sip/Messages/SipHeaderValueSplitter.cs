namespace Softswitch.Sip.Messages;

/// <summary>
/// Splits a list header value on commas that are outside quoted strings and angle brackets
/// (RFC 3261 §7.3.1; a display name or a URI inside &lt;&gt; may contain commas).
/// </summary>
public static class SipHeaderValueSplitter
{
    public static void Split(string value, List<string> into)
    {
        var span = value.AsSpan();
        var start = 0;
        var inAngle = false;
        for (var i = 0; i < span.Length; i++)
        {
            switch (span[i])
            {
                case '"':
                    var close = SipGrammar.FindClosingQuote(span, i);
                    i = close < 0 ? span.Length : close;
                    break;
                case '<':
                    inAngle = true;
                    break;
                case '>':
                    inAngle = false;
                    break;
                case ',' when !inAngle:
                    AddTrimmed(span[start..i], value, into);
                    start = i + 1;
                    break;
            }
        }

        AddTrimmed(span[start..], value, into);
    }

    private static void AddTrimmed(ReadOnlySpan<char> part, string whole, List<string> into)
    {
        // Only LWS (RFC 3261 §25.1): a form feed or other control byte stays and makes the element malformed, as it does
        // for the header's single-element reading (SipMessage.TopVia), so both readings agree.
        var trimmed = part.Trim(" \t\r\n");
        if (trimmed.IsEmpty)
        {
            return;
        }

        into.Add(trimmed.Length == whole.Length ? whole : trimmed.ToString());
    }
}

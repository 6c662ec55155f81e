namespace Softswitch.Sip.Auth;

/// <summary>Parses <c>Digest name=value, name="quoted, value"</c> (RFC 3261 §25.1 challenge / credentials).</summary>
internal static class DigestParameters
{
    public static Dictionary<string, string>? Parse(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var text = header.AsSpan().Trim();
        if (!text.StartsWith("Digest", StringComparison.OrdinalIgnoreCase) || (text.Length > 6 && !char.IsWhiteSpace(text[6])))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 6;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text[nameStart..i].ToString();
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=' || name.Length == 0)
            {
                return null;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = SipGrammar.FindClosingQuote(text, i);
                if (close < 0)
                {
                    return null;
                }

                value = SipGrammar.Unquote(text[i..(close + 1)]);
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                value = text[start..i].ToString();
            }

            values[name] = value;
        }

        return values;
    }
}

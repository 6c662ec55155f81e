using System.Buffers;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Character classes and small lexical helpers from the RFC 3261 §25.1 ABNF.</summary>
internal static class SipGrammar
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>What a quoted-string must escape: '"', '\' and the control characters but HTAB (RFC 3261 §25.1).</summary>
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    public static bool IsToken(ReadOnlySpan<char> value) => value.Length > 0 && !value.ContainsAnyExcept(TokenChars);

    public static bool IsTokenChar(char c) => TokenChars.Contains(c);

    public static bool IsToken(ReadOnlySpan<byte> value) => value.Length > 0 && !value.ContainsAnyExcept(TokenBytes);

    /// <summary>Length of the token at the start of <paramref name="value"/> (0 when it starts with a non-token byte).</summary>
    public static int TokenLength(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOfAnyExcept(TokenBytes);
        return end < 0 ? value.Length : end;
    }

    /// <summary>
    /// The characters of an absoluteURI after its scheme: RFC 3261 §25.1 uric, "[" "]" of an IPv6reference, and "`"
    /// because peers write uri-parameters as tokens. Escapes are not checked: a stray "%" harms no one.
    /// </summary>
    private static readonly SearchValues<char> UriChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,%[]`");

    /// <summary>
    /// Length of the scheme of <paramref name="uri"/> when the whole text is shaped as an absoluteURI (RFC 3261 §25.1:
    /// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" and URI characters, so no LWS, "&lt;" or quote); else -1.
    /// </summary>
    public static int UriSchemeLength(ReadOnlySpan<char> uri)
    {
        var colon = uri.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(uri[0]) || colon == uri.Length - 1 || uri[(colon + 1)..].ContainsAnyExcept(UriChars))
        {
            return -1;
        }

        foreach (var c in uri[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return -1;
            }
        }

        return colon;
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Index of the closing quote of a quoted-string starting at <paramref name="start"/> (RFC 3261 §25.1 quoted-pair).</summary>
    public static int FindClosingQuote(ReadOnlySpan<char> text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes the surrounding quotes and resolves quoted-pairs.</summary>
    public static string Unquote(ReadOnlySpan<char> quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
        {
            return quoted.ToString();
        }

        var inner = quoted[1..^1];
        if (!inner.Contains('\\'))
        {
            return inner.ToString();
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            builder.Append(inner[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Quotes a value. RFC 3261 §25.1: '"', '\' and the control characters other than HTAB are written as quoted-pairs
    /// (a display name may hold a NUL, RFC 4475 §3.1.1.2); CR and LF have no quoted-pair and become SP.
    /// </summary>
    public static string Quote(string value)
    {
        if (!value.AsSpan().ContainsAny(NeedsEscape))
        {
            return string.Concat("\"", value, "\"");
        }

        var builder = new StringBuilder(value.Length + 4).Append('"');
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }

            if (NeedsEscape.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }
}

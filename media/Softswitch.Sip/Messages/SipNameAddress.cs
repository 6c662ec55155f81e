using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route and Record-Route
/// (RFC 3261 §20.10, §25.1). The Contact wildcard <c>*</c> (§10.2.2) is <see cref="IsWildcard"/>.
/// </summary>
public sealed record SipNameAddress
{
    public static readonly SipNameAddress Wildcard = new() { Uri = new SipUri { Scheme = SipUri.SipScheme }, IsWildcard = true };

    /// <summary>The display name without quotes and escapes, or null.</summary>
    public string? DisplayName { get; init; }

    public required SipUri Uri { get; init; }

    /// <summary>Header parameters after the address (tag, expires, q, ...).</summary>
    public SipParameters Parameters { get; init; } = SipParameters.Empty;

    public bool IsWildcard { get; private init; }

    public string? Tag => Parameters["tag"];

    public SipNameAddress WithTag(string tag) => this with { Parameters = Parameters.With("tag", tag) };

    public SipNameAddress WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public SipNameAddress WithoutParameter(string name) => this with { Parameters = Parameters.Without(name) };

    public static SipNameAddress Parse(string text) =>
        TryParse(text, out var value) ? value : throw new SipParseException(SipParseError.BadRequest($"Malformed address '{text}'"));

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipNameAddress? address)
    {
        address = null;
        text = text.Trim();
        if (text.SequenceEqual("*"))
        {
            address = Wildcard;
            return true;
        }

        string? displayName = null;
        ReadOnlySpan<char> uriText;
        ReadOnlySpan<char> rest;
        var i = 0;
        if (text.Length > 0 && text[0] == '"')
        {
            var close = SipGrammar.FindClosingQuote(text, 0);
            if (close < 0)
            {
                return false;
            }

            displayName = SipGrammar.Unquote(text[..(close + 1)]);
            i = close + 1;
            while (i < text.Length && SipGrammar.IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '<')
            {
                return false;
            }
        }

        var open = text[i..].IndexOf('<');
        if (open >= 0)
        {
            open += i;
            if (displayName is null && open > 0)
            {
                // RFC 3261 §25.1: display-name = *(token LWS) / quoted-string (RFC 4475 §3.1.2.15).
                var tokens = text[..open].Trim();
                if (!IsTokenList(tokens))
                {
                    return false;
                }

                displayName = tokens.IsEmpty ? null : tokens.ToString();
            }

            var close = text[open..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }

            uriText = text[(open + 1)..(open + close)];
            rest = text[(open + close + 1)..];

            // LAQUOT = SWS "<" and RAQUOT = ">" SWS: no whitespace inside the brackets (RFC 4475 §3.1.2.14).
            if (uriText.IsEmpty || SipGrammar.IsWhitespace(uriText[0]) || SipGrammar.IsWhitespace(uriText[^1]))
            {
                return false;
            }
        }
        else
        {
            // RFC 3261 §20.10: without angle brackets, everything after ';' belongs to the header, not the URI, and
            // a URI with a comma or question mark must be in brackets (RFC 4475 §3.1.2.13).
            var end = text.IndexOfAny(';', ' ', '\t');
            uriText = end < 0 ? text : text[..end];
            rest = end < 0 ? default : text[end..];
            if (uriText.ContainsAny(',', '?'))
            {
                return false;
            }
        }

        if (!SipUri.TryParse(uriText, out var uri))
        {
            return false;
        }

        if (!SipParameters.TryParse(rest, out var parameters, out var consumed) || !rest[consumed..].Trim().IsEmpty)
        {
            return false;
        }

        address = new SipNameAddress { DisplayName = displayName, Uri = uri, Parameters = parameters };
        return true;
    }

    private static bool IsTokenList(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!SipGrammar.IsWhitespace(c) && !SipGrammar.IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }

        var builder = SipTextBuilder.Acquire();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        }

        builder.Append('<');
        Uri.AppendTo(builder);
        builder.Append('>');
        Parameters.AppendTo(builder);
        return SipTextBuilder.ToStringAndRelease(builder);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>One Via element (RFC 3261 §20.42, §18.2.1; rport per RFC 3581).</summary>
public sealed record SipVia
{
    /// <summary>RFC 3261 §8.1.1.7: branches created by RFC 3261 elements start with this magic cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>"SIP/2.0".</summary>
    public string Protocol { get; init; } = "SIP/2.0";

    /// <summary>Upper-case transport token: UDP, TCP, TLS, SCTP, WS...</summary>
    public required string Transport { get; init; }

    public required string Host { get; init; }

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = SipParameters.Empty;

    public string? Branch => Parameters["branch"];

    /// <summary>RFC 3261 §18.2.1: the source address the server saw.</summary>
    public string? Received => Parameters["received"];

    /// <summary>RFC 3581 §4: the client asked for the source port (flag present, maybe without value).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>RFC 3581 §4: the source port filled in by the server, when present.</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    public string? Maddr => Parameters["maddr"];

    public int? Ttl => int.TryParse(Parameters["ttl"], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) ? ttl : null;

    /// <summary>sent-by as written: host[:port].</summary>
    public string SentBy => Port is { } port ? string.Concat(Host, ":", port.ToString(CultureInfo.InvariantCulture)) : Host;

    public bool HasRfc3261Branch => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    public SipVia WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public static SipVia Parse(string text) =>
        TryParse(text, out var via) ? via : throw new SipParseException(SipParseError.BadRequest("Malformed Via"));

    /// <summary>Parses <c>SIP / 2.0 / UDP host:port;params</c>, tolerating LWS around '/' (RFC 3261 SLASH = SWS "/" SWS).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        var i = 0;
        if (!ReadToken(text, ref i, out var name) || !ReadSlash(text, ref i) || !ReadToken(text, ref i, out var version)
            || !ReadSlash(text, ref i) || !ReadToken(text, ref i, out var transport))
        {
            return false;
        }

        if (i >= text.Length || !SipGrammar.IsWhitespace(text[i]))
        {
            return false;
        }

        SkipWhitespace(text, ref i);
        var rest = text[i..];
        var hostLength = SipUri.HostLength(rest);
        if (hostLength <= 0)
        {
            return false;
        }

        var host = rest[..hostLength].ToString();
        i += hostLength;
        SkipWhitespace(text, ref i);
        int? port = null;
        if (i < text.Length && text[i] == ':')
        {
            i++;
            SkipWhitespace(text, ref i);
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (!int.TryParse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        if (!SipParameters.TryParse(text[i..], out var parameters, out var consumed))
        {
            return false;
        }

        i += consumed;
        SkipWhitespace(text, ref i);
        if (i != text.Length)
        {
            return false;
        }

        var protocol = name.Equals("SIP", StringComparison.OrdinalIgnoreCase) && version.SequenceEqual("2.0")
            ? "SIP/2.0"
            : string.Concat(name, "/", version);
        via = new SipVia
        {
            Protocol = protocol,
            Transport = transport.ToString().ToUpperInvariant(),
            Host = host,
            Port = port,
            Parameters = parameters,
        };
        return true;
    }

    /// <summary>
    /// The top Via as far as a response needs it: when the parameters do not parse (RFC 4475 §3.1.2.1: <c>;;,;,,</c>),
    /// the sent-protocol and sent-by alone, so that a malformed request can still be answered with 400 at its source.
    /// The validator has already refused such a message; nothing but that answer reads this element.
    /// </summary>
    internal static bool TryParseForResponse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipVia? via)
    {
        if (TryParse(text, out via))
        {
            return true;
        }

        var semicolon = text.IndexOf(';');
        return semicolon > 0 && TryParse(text[..semicolon], out via);
    }

    public override string ToString()
    {
        var builder = SipTextBuilder.Acquire();
        builder.Append(Protocol).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
        return SipTextBuilder.ToStringAndRelease(builder);
    }

    private static bool ReadToken(ReadOnlySpan<char> text, ref int i, out ReadOnlySpan<char> token)
    {
        SkipWhitespace(text, ref i);
        var start = i;
        while (i < text.Length && !SipGrammar.IsWhitespace(text[i]) && text[i] is not ('/' or ';' or ':'))
        {
            i++;
        }

        token = text[start..i];
        return SipGrammar.IsToken(token);
    }

    private static bool ReadSlash(ReadOnlySpan<char> text, ref int i)
    {
        SkipWhitespace(text, ref i);
        if (i >= text.Length || text[i] != '/')
        {
            return false;
        }

        i++;
        return true;
    }

    private static void SkipWhitespace(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && SipGrammar.IsWhitespace(text[i]))
        {
            i++;
        }
    }
}

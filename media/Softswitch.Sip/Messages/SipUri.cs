using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// A <c>sip:</c>, <c>sips:</c> (RFC 3261 §19.1) or <c>tel:</c> (RFC 3966) URI.
/// Components are kept as written (escaped), so <see cref="ToString"/> round-trips.
/// </summary>
public sealed record SipUri
{
    public const string SipScheme = "sip";
    public const string SipsScheme = "sips";
    public const string TelScheme = "tel";

    /// <summary>Lower-case scheme: sip, sips or tel.</summary>
    public required string Scheme { get; init; }

    /// <summary>The user part (for tel: the telephone-subscriber number), or null.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference (<c>[::1]</c>); empty for tel: URIs.</summary>
    public string Host { get; init; } = "";

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = SipParameters.Empty;

    /// <summary>The raw <c>?name=value&amp;...</c> part without the '?', or null.</summary>
    public string? Headers { get; init; }

    /// <summary>The <c>transport</c> uri-parameter (RFC 3261 §19.1.1).</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>The <c>lr</c> flag marks a loose router (RFC 3261 §19.1.1, §16.4).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>The host without IPv6 brackets, ready for <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>.</summary>
    public string HostAddress => Host.StartsWith('[') ? Host[1..^1] : Host;

    /// <summary>True for the schemes this type represents: sip, sips and tel (case-insensitive, RFC 3986 §3.1).</summary>
    public static bool IsSupportedScheme(ReadOnlySpan<char> scheme) =>
        scheme.Equals(SipScheme, StringComparison.OrdinalIgnoreCase) || scheme.Equals(SipsScheme, StringComparison.OrdinalIgnoreCase)
        || scheme.Equals(TelScheme, StringComparison.OrdinalIgnoreCase);

    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new SipParseException(SipParseError.BadRequest($"Malformed URI '{text}'"));

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        string scheme;
        var schemeSpan = text[..colon];
        if (schemeSpan.Equals(SipScheme, StringComparison.OrdinalIgnoreCase))
        {
            scheme = SipScheme;
        }
        else if (schemeSpan.Equals(SipsScheme, StringComparison.OrdinalIgnoreCase))
        {
            scheme = SipsScheme;
        }
        else if (schemeSpan.Equals(TelScheme, StringComparison.OrdinalIgnoreCase))
        {
            scheme = TelScheme;
        }
        else
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        return scheme == TelScheme ? TryParseTel(rest, out uri) : TryParseSip(scheme, rest, out uri);
    }

    private static bool TryParseTel(ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        var semicolon = rest.IndexOf(';');
        var number = semicolon < 0 ? rest : rest[..semicolon];
        if (number.IsEmpty || number.ContainsAny(' ', '\t', '@'))
        {
            return false;
        }

        var parameters = SipParameters.Empty;
        if (semicolon >= 0 && (!SipParameters.TryParse(rest[semicolon..], out parameters, out var consumed) || consumed != rest.Length - semicolon))
        {
            return false;
        }

        uri = new SipUri { Scheme = TelScheme, User = number.ToString(), Parameters = parameters };
        return true;
    }

    private static bool TryParseSip(string scheme, ReadOnlySpan<char> rest, out SipUri? uri)
    {
        uri = null;
        string? user = null;
        string? password = null;
        // RFC 3261 §25.1: '@' is escaped everywhere but after the userinfo, whose user part may hold '?', ',' and ';'.
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            var userPart = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (userPart.IsEmpty || userPart.ContainsAny(" \t<>\""))
            {
                return false;
            }

            user = SipTokenPool.Get(userPart);
            password = passwordColon < 0 ? null : userInfo[(passwordColon + 1)..].ToString();
            rest = rest[(at + 1)..];
        }

        var hostEnd = HostLength(rest);
        if (hostEnd <= 0)
        {
            return false;
        }

        var host = rest[..hostEnd];
        rest = rest[hostEnd..];
        int? port = null;
        if (rest.Length > 0 && rest[0] == ':')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1 || !int.TryParse(rest[1..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
            rest = rest[digits..];
        }

        string? headers = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            headers = rest[(question + 1)..].ToString();
            rest = rest[..question];
        }

        var parameters = SipParameters.Empty;
        if (rest.Length > 0 && (rest[0] != ';' || !SipParameters.TryParse(rest, out parameters, out var consumed) || consumed != rest.Length))
        {
            return false;
        }

        uri = new SipUri
        {
            Scheme = scheme, User = user, Password = password, Host = SipTokenPool.Get(host), Port = port,
            Parameters = parameters, Headers = headers,
        };
        return true;
    }

    /// <summary>Length of the host at the start (hostname, IPv4 or IPv6reference), or -1 when malformed.</summary>
    internal static int HostLength(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == '[')
        {
            var close = text.IndexOf(']');
            return close > 1 && System.Net.IPAddress.TryParse(text[1..close], out var address)
                && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? close + 1 : -1;
        }

        var i = 0;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '.' or '_'))
        {
            i++;
        }

        return i;
    }

    public override string ToString()
    {
        var builder = SipTextBuilder.Acquire();
        AppendTo(builder);
        return SipTextBuilder.ToStringAndRelease(builder);
    }

    internal void AppendTo(StringBuilder builder)
    {
        builder.Append(Scheme).Append(':');
        if (Scheme == TelScheme)
        {
            builder.Append(User);
            Parameters.AppendTo(builder);
            return;
        }

        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
    }
}

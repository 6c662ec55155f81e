using Softswitch.Sip.Messages;

namespace Softswitch.Switch.Redirect;

/// <summary>One external routing server as the switch asks it: by SIP (an INVITE answered with a 3xx) or by HTTP (a JSON POST).</summary>
public sealed record RoutingServer
{
    private RoutingServer(string address, SipUri? sip, Uri? http, TimeSpan timeout)
    {
        Address = address;
        Sip = sip;
        Http = http;
        Timeout = timeout;
    }

    /// <summary>As configured: what the CDR and the logs name.</summary>
    public string Address { get; }

    public SipUri? Sip { get; }

    public Uri? Http { get; }

    public TimeSpan Timeout { get; }

    /// <summary>A <c>sip:</c> URI with a host, or an absolute <c>http(s)</c> URL without user info; anything else is null.</summary>
    public static RoutingServer? TryCreate(string address, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            return SipUri.TryParse(address, out var sip) && sip.Scheme == SipUri.SipScheme && sip.Host.Length > 0
                ? new RoutingServer(address, sip, null, timeout)
                : null;
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var http) && (http.Scheme == Uri.UriSchemeHttp || http.Scheme == Uri.UriSchemeHttps)
            && http.UserInfo.Length == 0
            ? new RoutingServer(address, null, http, timeout)
            : null;
    }
}

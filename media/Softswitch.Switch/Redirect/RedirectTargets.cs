using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;
using Softswitch.Switch.Routing;

namespace Softswitch.Switch.Redirect;

/// <summary>
/// Turns a routing server's targets into the call's attempts. Targets are taken by q-value, highest first, in the
/// order given among equal values (RFC 3261 §8.1.3.4 leaves ties to the client; keeping the server's order is what
/// it most likely meant). A target reaches a vendor only through one of the tenant's routing gateways: a SIP URI
/// whose host and port are a gateway's (the lowest id when several share them), or a gateway id from an HTTP
/// server. So a routing server chooses among the tenant's vendors and the number they get, never an arbitrary host,
/// and the gateway's capacity, call rate, number rules and strip/add rewrite apply as on the tenant's own routes.
/// The profile's filters then drop targets by host and number; at most <see cref="RedirectSettings.MaxTargets"/> are kept.
/// </summary>
public static class RedirectTargets
{
    private const int MaxNumberLength = 32;

    public static IReadOnlyList<RouteAttempt> ToAttempts(IReadOnlyList<RedirectTarget> targets, TenantConfig tenant, ContactFilter filter, string callee)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(filter);
        var attempts = new List<RouteAttempt>(Math.Min(targets.Count, RedirectSettings.MaxTargets));
        foreach (var target in targets.OrderByDescending(t => t.Q))
        {
            if (attempts.Count == RedirectSettings.MaxTargets)
            {
                break;
            }

            var gateway = target.RoutingGatewayId is { } id
                ? tenant.RoutingGateways.GetValueOrDefault(id)
                : target.Uri is { } uri ? GatewayAt(tenant, uri) : null;
            var number = target.Uri?.User ?? callee;
            if (gateway is null || !IsNumber(number) || !filter.Allows(gateway.Host, gateway.Port, number))
            {
                continue;
            }

            attempts.Add(new RouteAttempt(gateway, gateway.RewriteCallee(number)));
        }

        return attempts;
    }

    /// <summary>The q parameter of a Contact (RFC 3261 §20.10): 0 to 1, 1 when absent or unreadable.</summary>
    public static double QOf(SipNameAddress contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.Parameters["q"] is { } text && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
            ? Math.Clamp(q, 0, 1)
            : 1;
    }

    private static RoutingGatewayEntry? GatewayAt(TenantConfig tenant, SipUri uri)
    {
        var port = uri.Port ?? 5060;
        RoutingGatewayEntry? found = null;
        foreach (var gateway in tenant.RoutingGateways.Values)
        {
            if (gateway.Port == port && string.Equals(gateway.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                && (found is null || string.CompareOrdinal(gateway.Id, found.Id) < 0))
            {
                found = gateway;
            }
        }

        return found;
    }

    private static bool IsNumber(string number) =>
        number.Length is > 0 and <= MaxNumberLength && number.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#');
}

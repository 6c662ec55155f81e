using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Phones;

namespace Softswitch.Switch.Routing;

/// <summary>
/// The tenant's number plan before its routes: a callee (after the trunk's rewrite rules) that is a phone's number
/// rings that phone's registered contacts; so does a callee whose longest-prefix route targets a phone. A phone with
/// none goes to its offline redirect gateway (VOS3000's "offline phone redirect to gateway"), which is then an ordinary
/// gateway attempt (capacity, call rate, number rules, strip and add apply), or, without one, the caller gets 480.
/// Every other callee goes to <paramref name="inner"/>'s gateways.
/// </summary>
public sealed class PhoneCallRouter(ICallRouter inner, IPhoneContacts contacts) : ICallRouter
{
    public RoutePlan Plan(CallOrigin origin, Random random)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var tenant = origin.Tenant;
        var routed = origin.Gateway?.RewriteCallee(origin.Callee) ?? origin.Callee;
        if (tenant.FindPhoneByNumber(routed) is { } phone)
        {
            return Ring(tenant, phone, null, routed);
        }

        var plan = inner.Plan(origin, random);
        return plan.Route is { Phone: { } routedPhone } route ? Ring(tenant, routedPhone, route, plan.RoutedCallee) : plan;
    }

    private RoutePlan Ring(TenantConfig tenant, PhoneEntry phone, RouteEntry? route, string routed)
    {
        var live = contacts.Find(tenant, phone);
        if (live.Count == 0
            && phone.OfflineRedirectGatewayId is { } redirectId
            && tenant.RoutingGateways.TryGetValue(redirectId, out var redirect))
        {
            return new RoutePlan(route, routed, [new RouteAttempt(redirect, redirect.RewriteCallee(routed))]) { Phone = new PhoneTarget(phone, live) };
        }

        return new RoutePlan(route, routed, []) { Phone = new PhoneTarget(phone, live) };
    }
}

using System.Collections.Frozen;
using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>One active tenant's part of a snapshot.</summary>
public sealed class TenantConfig
{
    private readonly RouteTrie _routes;

    internal TenantConfig(
        string tenantId,
        string sipDomain,
        FrozenDictionary<string, AccountEntry> accounts,
        FrozenDictionary<string, MappingGatewayEntry> mappingGateways,
        FrozenDictionary<string, RoutingGatewayEntry> routingGateways,
        RouteTrie routes,
        int routeCount,
        FrozenDictionary<string, RefusalPolicy> refusalPolicies)
    {
        TenantId = tenantId;
        SipDomain = sipDomain;
        Accounts = accounts;
        MappingGateways = mappingGateways;
        RoutingGateways = routingGateways;
        _routes = routes;
        RouteCount = routeCount;
        RefusalPolicies = refusalPolicies;
    }

    public string TenantId { get; }

    public string SipDomain { get; }

    public FrozenDictionary<string, AccountEntry> Accounts { get; }

    public FrozenDictionary<string, MappingGatewayEntry> MappingGateways { get; }

    public FrozenDictionary<string, RoutingGatewayEntry> RoutingGateways { get; }

    public int RouteCount { get; }

    /// <summary>The tenant's choices per refusal rule; a rule not in it is enforced with its own answer.</summary>
    public FrozenDictionary<string, RefusalPolicy> RefusalPolicies { get; }

    /// <summary>The tenant's active phones by <see cref="PhoneEntry.Number"/>: its number plan.</summary>
    internal FrozenDictionary<string, PhoneEntry> PhonesByNumber { get; init; } = FrozenDictionary<string, PhoneEntry>.Empty;

    /// <summary>The active phone whose number is exactly <paramref name="callee"/>, or null.</summary>
    public PhoneEntry? FindPhoneByNumber(string callee) => PhonesByNumber.GetValueOrDefault(callee);

    /// <summary>The active route with the longest prefix of <paramref name="callee"/>; the empty prefix is the default route.</summary>
    public RouteEntry? FindRoute(ReadOnlySpan<char> callee) => _routes.Find(callee);
}

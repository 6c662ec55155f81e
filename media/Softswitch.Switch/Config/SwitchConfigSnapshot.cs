using System.Collections.Frozen;
using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>
/// An immutable, versioned copy of everything the call path needs: accounts, phones, gateways and routes of all
/// active tenants, indexed for the lookups a call makes. Only usable rows are included: a suspended tenant, an
/// account that is not active, or a disabled phone, gateway or route is simply absent.
/// </summary>
public sealed class SwitchConfigSnapshot
{
    private readonly IngressTable _ingress;
    private readonly FrozenDictionary<(string Domain, string Username), PhoneEntry> _phones;
    private readonly FrozenDictionary<string, TenantConfig> _tenantsByDomain;

    private SwitchConfigSnapshot(
        long version, FrozenDictionary<string, TenantConfig> tenants, IngressTable ingress,
        FrozenDictionary<(string, string), PhoneEntry> phones)
    {
        Version = version;
        Tenants = tenants;
        _ingress = ingress;
        _phones = phones;
        _tenantsByDomain = tenants.Values.ToFrozenDictionary(t => t.SipDomain, StringComparer.OrdinalIgnoreCase);
    }

    public static SwitchConfigSnapshot Empty { get; } = Create(0, SwitchConfigRows.None);

    /// <summary>Grows with every published snapshot; logged with calls so a decision can be traced to its configuration.</summary>
    public long Version { get; }

    public FrozenDictionary<string, TenantConfig> Tenants { get; }

    public static SwitchConfigSnapshot Create(long version, SwitchConfigRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tenants = rows.Tenants.Where(t => t.Status == TenantStatus.Active).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var accounts = rows.Accounts
            .Where(a => a.Status == AccountStatus.Active && tenants.ContainsKey(a.TenantId))
            .ToDictionary(a => a.Id, a => new AccountEntry(a.Id, a.TenantId, a.Name, a.Kind, a.AvailableFunds), StringComparer.Ordinal);

        bool Usable(TenantEntity row, string accountId, bool active) =>
            active && accounts.TryGetValue(accountId, out var account) && account.TenantId == row.TenantId;

        var mapping = rows.MappingGateways
            .Where(g => Usable(g, g.AccountId, g.Status == GatewayStatus.Active))
            .Select(g => new MappingGatewayEntry(g))
            .ToList();
        var routing = rows.RoutingGateways
            .Where(g => Usable(g, g.AccountId, g.Status == GatewayStatus.Active))
            .ToDictionary(g => g.Id, g => new RoutingGatewayEntry(g), StringComparer.Ordinal);
        var phones = rows.Phones
            .Where(p => Usable(p, p.AccountId, p.Status == PhoneStatus.Active))
            .ToFrozenDictionary(
                p => (tenants[p.TenantId].SipDomain, p.Username),
                p => new PhoneEntry(p.Id, p.TenantId, p.AccountId, p.Username, p.Ha1Md5, p.Ha1Sha256, p.MaxConcurrentCalls));

        var tenantConfigs = tenants.Values.ToFrozenDictionary(
            t => t.Id,
            t =>
            {
                var trie = new RouteTrie();
                var routeCount = 0;
                foreach (var route in rows.Routes.Where(r => r.TenantId == t.Id && r.Status == GatewayStatus.Active))
                {
                    var gateways = route.RoutingGatewayIds
                        .Select(id => routing.GetValueOrDefault(id))
                        .OfType<RoutingGatewayEntry>()
                        .Where(g => g.TenantId == t.Id)
                        .ToArray();
                    trie.Add(new RouteEntry(route.Id, t.Id, route.Prefix, gateways));
                    routeCount++;
                }

                return new TenantConfig(
                    t.Id,
                    t.SipDomain,
                    accounts.Values.Where(a => a.TenantId == t.Id).ToFrozenDictionary(a => a.Id, StringComparer.Ordinal),
                    mapping.Where(g => g.TenantId == t.Id).ToFrozenDictionary(g => g.Id, StringComparer.Ordinal),
                    routing.Values.Where(g => g.TenantId == t.Id).ToFrozenDictionary(g => g.Id, StringComparer.Ordinal),
                    trie,
                    routeCount);
            },
            StringComparer.Ordinal);

        return new SwitchConfigSnapshot(version, tenantConfigs, new IngressTable(mapping), phones);
    }

    /// <summary>
    /// The mapping gateway a call from <paramref name="source"/> to <paramref name="callee"/> arrived on, with the
    /// gateway's tech prefix stripped from the callee (see <see cref="IngressTable"/> for the matching order).
    /// </summary>
    public IngressLookup IdentifyIngress(IPAddress source, string callee, out IngressMatch match) =>
        _ingress.Match(source, callee, out match);

    /// <summary>
    /// An active phone by its tenant's SIP domain (case-insensitive, RFC 4343) and digest username (case-sensitive,
    /// RFC 3261 §19.1.4).
    /// </summary>
    public PhoneEntry? FindPhone(string sipDomain, string username)
    {
        ArgumentNullException.ThrowIfNull(sipDomain);
        return _phones.GetValueOrDefault((sipDomain.ToLowerInvariant(), username));
    }

    /// <summary>The active tenant whose phones register under <paramref name="sipDomain"/> (case-insensitive).</summary>
    public TenantConfig? FindTenantByDomain(string sipDomain) => _tenantsByDomain.GetValueOrDefault(sipDomain);

    public RouteEntry? FindRoute(string tenantId, string callee) =>
        Tenants.TryGetValue(tenantId, out var tenant) ? tenant.FindRoute(callee) : null;
}

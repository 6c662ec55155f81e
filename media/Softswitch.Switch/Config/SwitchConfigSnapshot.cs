using System.Collections.Frozen;
using System.Net;
using Softswitch.Domain;

namespace Softswitch.Switch.Config;

/// <summary>
/// An immutable, versioned copy of everything the call path needs: accounts, phones, gateways and routes of all
/// active tenants, indexed for the lookups a call makes. Only usable rows are included: a suspended tenant, an
/// account that is not active, or a disabled phone, gateway or route is simply absent. A row that cannot be used as
/// stored is absent too, and listed in <see cref="Problems"/>.
/// </summary>
public sealed class SwitchConfigSnapshot
{
    private readonly IngressTable _ingress;
    private readonly FrozenDictionary<(string Domain, string Username), PhoneEntry> _phones;
    private readonly FrozenDictionary<string, TenantConfig> _tenantsByDomain;
    private readonly FrozenDictionary<IPAddress, string> _vendorTenants;

    private readonly BuiltEntries _built;

    private SwitchConfigSnapshot(
        long version, FrozenDictionary<string, TenantConfig> tenants, IngressTable ingress,
        FrozenDictionary<(string, string), PhoneEntry> phones, IReadOnlyList<ConfigRowProblem> problems, BuiltEntries built)
    {
        Version = version;
        _built = built;
        Problems = problems;
        Tenants = tenants;
        _ingress = ingress;
        _phones = phones;
        _tenantsByDomain = tenants.Values.ToFrozenDictionary(t => t.SipDomain, StringComparer.OrdinalIgnoreCase);
        // Vendors named by address (a host name's address is not known here); the lower tenant id keeps a shared one.
        _vendorTenants = tenants.Values.OrderBy(t => t.TenantId, StringComparer.Ordinal)
            .SelectMany(t => t.RoutingGateways.Values)
            .Select(g => (Address: IPAddress.TryParse(g.Host, out var address) ? address : null, g.TenantId))
            .Where(v => v.Address is not null)
            .DistinctBy(v => v.Address)
            .ToFrozenDictionary(v => v.Address!, v => v.TenantId);
    }

    public static SwitchConfigSnapshot Empty { get; } = Create(0, SwitchConfigRows.None);

    /// <summary>Grows with every published snapshot; logged with calls so a decision can be traced to its configuration.</summary>
    public long Version { get; }

    public FrozenDictionary<string, TenantConfig> Tenants { get; }

    /// <summary>The rows this snapshot left out or used only in part, and why.</summary>
    public IReadOnlyList<ConfigRowProblem> Problems { get; }

    /// <summary>
    /// Builds a snapshot from whatever rows are usable; it never throws on data. Each row left out is in
    /// <see cref="Problems"/> (see <see cref="UsableRows"/> for the checks).
    /// </summary>
    /// <param name="version">The new snapshot's version.</param>
    /// <param name="rows">Every row of every table.</param>
    /// <param name="previous">
    /// The snapshot this one replaces: the account and phone entries it made from row objects that <paramref name="rows"/>
    /// holds again are taken over (see <see cref="BuiltEntries"/>).
    /// </param>
    public static SwitchConfigSnapshot Create(long version, SwitchConfigRows rows, SwitchConfigSnapshot? previous = null)
    {
        var usable = UsableRows.Select(rows, previous?._built);
        var tenantConfigs = usable.Tenants.Values.ToFrozenDictionary(
            t => t.Id,
            t =>
            {
                var trie = new RouteTrie();
                var routes = usable.Routes.GetValueOrDefault(t.Id) ?? [];
                trie.AddAll(routes);

                return new TenantConfig(
                    t.Id,
                    t.SipDomain.ToLowerInvariant(),
                    usable.Accounts.Values.Where(a => a.TenantId == t.Id).ToFrozenDictionary(a => a.Id, StringComparer.Ordinal),
                    usable.MappingGateways.Where(g => g.TenantId == t.Id).ToFrozenDictionary(g => g.Id, StringComparer.Ordinal),
                    usable.RoutingGateways.Values.Where(g => g.TenantId == t.Id).ToFrozenDictionary(g => g.Id, StringComparer.Ordinal),
                    trie,
                    routes.Count,
                    t.RefusalPolicies.Where(p => RefusalRules.TenantRules.Contains(p.Rule)).DistinctBy(p => p.Rule).ToFrozenDictionary(p => p.Rule, StringComparer.Ordinal))
                {
                    // The database keeps numbers unique per tenant; the lower phone id keeps a number regardless.
                    PhonesByNumber = usable.Phones.Values.Where(p => p.TenantId == t.Id && p.Number is not null)
                        .OrderBy(p => p.Id, StringComparer.Ordinal).DistinctBy(p => p.Number)
                        .ToFrozenDictionary(p => p.Number!, StringComparer.Ordinal),
                };
            },
            StringComparer.Ordinal);

        return new SwitchConfigSnapshot(
            version, tenantConfigs, new IngressTable(usable.MappingGateways), usable.Phones.ToFrozenDictionary(), usable.Problems, usable.Built);
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

    /// <summary>
    /// The tenant that provisioned <paramref name="source"/> as a peer, a customer trunk's source block or a vendor's
    /// address, or null for an address no tenant configured.
    /// </summary>
    public string? FindPeerTenant(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_ingress.FindGatewayAt(source) is { } trunk)
        {
            return trunk.TenantId;
        }

        return _vendorTenants.GetValueOrDefault(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source);
    }

    public RouteEntry? FindRoute(string tenantId, string callee) =>
        Tenants.TryGetValue(tenantId, out var tenant) ? tenant.FindRoute(callee) : null;
}

using Softswitch.Domain;
using Softswitch.Switch.Numbers;

namespace Softswitch.Switch.Config;

/// <summary>
/// The rows a snapshot is built from, checked one by one: each row the switch cannot use is left out (or, for a route,
/// its unusable gateway reference is) and reported as a <see cref="ConfigRowProblem"/>, so the build itself cannot fail
/// on data. Where two rows claim the same thing, the one created first (the lower, time-ordered id) keeps it.
/// </summary>
internal sealed class UsableRows
{
    private readonly List<ConfigRowProblem> _problems = [];

    private UsableRows()
    {
    }

    public IReadOnlyList<ConfigRowProblem> Problems => _problems;

    /// <summary>Active tenants by id; their <see cref="Tenant.SipDomain"/> is unique ignoring case.</summary>
    public Dictionary<string, Tenant> Tenants { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccountEntry> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each usable account's and phone's entry by the row it was made from, for the next build to take over.</summary>
    public BuiltEntries Built { get; } = new();

    public List<MappingGatewayEntry> MappingGateways { get; } = [];

    public Dictionary<string, RoutingGatewayEntry> RoutingGateways { get; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by the tenant's SIP domain in lowercase (RFC 4343) and the case-sensitive username.</summary>
    public Dictionary<(string Domain, string Username), PhoneEntry> Phones { get; } = [];

    /// <summary>Each tenant's usable routes, with the gateways the snapshot may send their calls to.</summary>
    public Dictionary<string, List<RouteEntry>> Routes { get; } = new(StringComparer.Ordinal);

    /// <param name="rows">The rows to check.</param>
    /// <param name="previous">The previous build's <see cref="Built"/>: an entry made from the same row object is reused.</param>
    public static UsableRows Select(SwitchConfigRows rows, BuiltEntries? previous = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var usable = new UsableRows();
        usable.SelectTenants(rows.Tenants);
        usable.SelectAccounts(rows.Accounts, previous?.Accounts);
        usable.SelectMappingGateways(rows.MappingGateways);
        usable.SelectRoutingGateways(rows.RoutingGateways);
        usable.SelectPhones(rows.Phones, previous?.Phones);
        usable.SelectRoutes(rows.Routes, rows.RoutingGateways, rows.Phones, rows.NumberGroups);
        return usable;
    }

    private static IEnumerable<T> InIdOrder<T>(IEnumerable<T> rows)
        where T : Entity =>
        rows.OrderBy(r => r.Id, StringComparer.Ordinal);

    private void SelectTenants(IEnumerable<Tenant> rows)
    {
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in InIdOrder(rows.Where(t => t.Status == TenantStatus.Active)))
        {
            if (string.IsNullOrWhiteSpace(tenant.SipDomain))
            {
                Skip("tenants", tenant.Id, tenant.Id, "skipped: the tenant has no SIP domain");
            }
            else if (Tenants.ContainsKey(tenant.Id))
            {
                Skip("tenants", tenant.Id, tenant.Id, "skipped: another tenant row has the same id");
            }
            else if (!domains.Add(tenant.SipDomain))
            {
                Skip("tenants", tenant.Id, tenant.Id, $"skipped: SIP domain {tenant.SipDomain} (ignoring case) belongs to a tenant created earlier");
            }
            else
            {
                Tenants.Add(tenant.Id, tenant);
            }
        }
    }

    private void SelectAccounts(IEnumerable<Account> rows, Dictionary<Account, AccountEntry>? built)
    {
        foreach (var account in InIdOrder(rows.Where(a => a.Status == AccountStatus.Active && Tenants.ContainsKey(a.TenantId))))
        {
            // An access binding the switch cannot read is not dropped (that would open the account to every source):
            // the account is left out, so its calls are refused until the row is fixed.
            if (account.AccessIps.FirstOrDefault(ip => !CidrBlock.IsValid(ip)) is { } unreadable)
            {
                Skip("accounts", account.TenantId, account.Id, $"skipped: access IP '{unreadable}' is not an address or CIDR block");
            }
            else if (!Accounts.TryAdd(account.Id, built?.GetValueOrDefault(account) ?? AccountEntry.Of(account)))
            {
                Skip("accounts", account.TenantId, account.Id, "skipped: another account row has the same id");
            }
            else
            {
                Built.Accounts.Add(account, Accounts[account.Id]);
            }
        }
    }

    private void SelectMappingGateways(IEnumerable<MappingGateway> rows)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gateway in InIdOrder(rows.Where(g => Usable(g, g.AccountId, g.Status == GatewayStatus.Active))))
        {
            if (MappingGatewayProblem(gateway) is { } problem)
            {
                Skip("mapping_gateways", gateway.TenantId, gateway.Id, problem);
            }
            else if (!ids.Add(gateway.Id))
            {
                Skip("mapping_gateways", gateway.TenantId, gateway.Id, "skipped: another mapping gateway row has the same id");
            }
            else
            {
                MappingGateways.Add(new MappingGatewayEntry(gateway));
            }
        }
    }

    private static string? MappingGatewayProblem(MappingGateway gateway)
    {
        if (gateway.SourceAddresses is null || gateway.CallerRewriteRules is null || gateway.CalleeRewriteRules is null)
        {
            return "skipped: its source addresses or rewrite rules are missing";
        }

        if (gateway.SourceAddresses.FirstOrDefault(a => !CidrBlock.TryParse(a, out _)) is { } bad)
        {
            return $"skipped: source address '{bad}' is not an IP address or CIDR block";
        }

        if (gateway.CallerRewriteRules.Concat(gateway.CalleeRewriteRules).Any(r => r?.MatchPrefix is null || r.Replacement is null))
        {
            return "skipped: a rewrite rule has no match prefix or replacement";
        }

        return null;
    }

    private void SelectRoutingGateways(IEnumerable<RoutingGateway> rows)
    {
        foreach (var gateway in InIdOrder(rows.Where(g => Usable(g, g.AccountId, g.Status == GatewayStatus.Active))))
        {
            if (RoutingGatewayProblem(gateway) is { } problem)
            {
                Skip("routing_gateways", gateway.TenantId, gateway.Id, problem);
            }
            else if (!RoutingGateways.TryAdd(gateway.Id, new RoutingGatewayEntry(gateway)))
            {
                Skip("routing_gateways", gateway.TenantId, gateway.Id, "skipped: another routing gateway row has the same id");
            }
        }
    }

    private static string? RoutingGatewayProblem(RoutingGateway gateway)
    {
        if (gateway.Port is < 1 or > 65_535)
        {
            return $"skipped: port {gateway.Port} is outside 1-65535";
        }

        if (string.IsNullOrWhiteSpace(gateway.Host))
        {
            return "skipped: the gateway has no host";
        }

        if (!Enum.IsDefined(gateway.Transport))
        {
            return $"skipped: transport {(int)gateway.Transport} is unknown";
        }

        return gateway.FailoverCodes is null || gateway.StopCodes is null ? "skipped: its failover or stop codes are missing" : null;
    }

    private void SelectPhones(IEnumerable<Phone> rows, Dictionary<Phone, PhoneEntry>? built)
    {
        foreach (var phone in InIdOrder(rows.Where(p => Usable(p, p.AccountId, p.Status == PhoneStatus.Active))))
        {
            var domain = Tenants[phone.TenantId].SipDomain.ToLowerInvariant();
            if (string.IsNullOrEmpty(phone.Username))
            {
                Skip("phones", phone.TenantId, phone.Id, "skipped: the phone has no username");
            }
            // The username is often a phone number, which logs never show: the problem names the row only.
            else if (!Phones.TryAdd((domain, phone.Username), built?.GetValueOrDefault(phone) ?? PhoneEntry.Of(phone)))
            {
                Skip("phones", phone.TenantId, phone.Id, "skipped: its username is already a phone created earlier in this domain");
            }
            else
            {
                Built.Phones.Add(phone, Phones[(domain, phone.Username)]);
            }
        }
    }

    private void SelectRoutes(IEnumerable<Route> rows, IEnumerable<RoutingGateway> allGateways, IEnumerable<Phone> allPhones, IEnumerable<NumberGroup> groups)
    {
        // Ids of every gateway and phone row per tenant, usable or not: a reference to a disabled one is normal, a
        // reference to none of the tenant's rows is a problem.
        var gatewayIds = allGateways.Select(g => (g.TenantId, g.Id)).ToHashSet();
        var phoneIds = allPhones.Select(p => (p.TenantId, p.Id)).ToHashSet();
        var usablePhones = Phones.Values.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var groupPrefixes = groups.DistinctBy(g => (g.TenantId, g.Id)).ToDictionary(g => (g.TenantId, g.Id), g => (IReadOnlyList<string>)[.. g.Prefixes ?? []]);
        var prefixes = new HashSet<(string TenantId, string Prefix, string? GroupId)>();
        foreach (var route in InIdOrder(rows.Where(r => r.Status == GatewayStatus.Active && Tenants.ContainsKey(r.TenantId))))
        {
            if (route.Prefix is null || !route.Prefix.All(char.IsAsciiDigit))
            {
                Skip("routes", route.TenantId, route.Id, $"skipped: prefix '{route.Prefix}' is not digits only");
                continue;
            }

            if (!prefixes.Add((route.TenantId, route.Prefix, route.CalleeGroupId)))
            {
                Skip("routes", route.TenantId, route.Id, $"skipped: prefix '{route.Prefix}' belongs to a route created earlier");
                continue;
            }

            IReadOnlyList<string>? calleeGroup = null;
            if (route.CalleeGroupId is { } groupId && !groupPrefixes.TryGetValue((route.TenantId, groupId), out calleeGroup))
            {
                // Matching every number instead would turn a group route into a default route: the route is left out.
                Skip("routes", route.TenantId, route.Id, $"skipped: number group {groupId} does not exist");
                continue;
            }

            if (route.PhoneId is { } phoneId)
            {
                AddRoute(route, [], PhoneTarget(route, phoneId, usablePhones, phoneIds), calleeGroup);
                continue;
            }

            var gateways = new List<RoutingGatewayEntry>();
            foreach (var id in route.RoutingGatewayIds ?? [])
            {
                if (RoutingGateways.TryGetValue(id, out var gateway) && gateway.TenantId == route.TenantId)
                {
                    gateways.Add(gateway);
                }
                else if (!gatewayIds.Contains((route.TenantId, id)))
                {
                    Skip("routes", route.TenantId, route.Id, $"routing gateway {id} does not exist; the route uses its other gateways");
                }
            }

            AddRoute(route, gateways, null, calleeGroup);
        }
    }

    /// <summary>The route's phone when it is usable and the tenant's own; a missing one is reported, a disabled one is normal.</summary>
    private PhoneEntry? PhoneTarget(
        Route route, string phoneId, Dictionary<string, PhoneEntry> usablePhones, HashSet<(string TenantId, string Id)> phoneIds)
    {
        if (usablePhones.TryGetValue(phoneId, out var phone) && phone.TenantId == route.TenantId)
        {
            return phone;
        }

        if (!phoneIds.Contains((route.TenantId, phoneId)))
        {
            Skip("routes", route.TenantId, route.Id, $"phone {phoneId} does not exist; the route has no target");
        }

        return null;
    }

    private void AddRoute(Route route, List<RoutingGatewayEntry> gateways, PhoneEntry? phone, IReadOnlyList<string>? calleeGroup)
    {
        if (!Routes.TryGetValue(route.TenantId, out var routes))
        {
            Routes[route.TenantId] = routes = [];
        }

        routes.Add(new RouteEntry(route.Id, route.TenantId, route.Prefix, gateways)
        {
            Phone = phone,
            TargetsPhone = route.PhoneId is not null,
            CalleeGroupId = route.CalleeGroupId,
            CalleeGroupPrefixes = calleeGroup,
        });
    }

    private bool Usable(TenantEntity row, string accountId, bool active) =>
        active && accountId is not null && Accounts.TryGetValue(accountId, out var account) && account.TenantId == row.TenantId;

    private void Skip(string table, string tenantId, string rowId, string problem) =>
        _problems.Add(new ConfigRowProblem(table, tenantId, rowId, problem));
}

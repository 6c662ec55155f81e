using Softswitch.Domain;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Tests.Builders;

/// <summary>Builds the rows of one or more tenants for a snapshot, with active defaults everywhere.</summary>
public sealed class ConfigRows
{
    private readonly List<Tenant> _tenants = [];
    private readonly List<Account> _accounts = [];
    private readonly List<Phone> _phones = [];
    private readonly List<MappingGateway> _mapping = [];
    private readonly List<RoutingGateway> _routing = [];
    private readonly List<Route> _routes = [];
    private readonly List<NumberGroup> _groups = [];

    public ConfigRows Tenant(string id, string sipDomain = "", TenantStatus status = TenantStatus.Active)
    {
        _tenants.Add(new Tenant { Id = id, Name = id, SipDomain = sipDomain.Length > 0 ? sipDomain : $"{id}.example.net", Status = status });
        return this;
    }

    public ConfigRows Account(string tenant, string id, AccountStatus status = AccountStatus.Active, List<string>? accessIps = null)
    {
        _accounts.Add(new Account { TenantId = tenant, Id = id, Name = id, Status = status, Currency = "USD", AccessIps = accessIps ?? [] });
        return this;
    }

    public ConfigRows Phone(string tenant, string account, string id, string username, PhoneStatus status = PhoneStatus.Active)
    {
        _phones.Add(new Phone { TenantId = tenant, AccountId = account, Id = id, Username = username, Ha1Md5 = "md5-" + id, Ha1Sha256 = "sha-" + id, Status = status });
        return this;
    }

    public ConfigRows Mapping(
        string tenant, string account, string id, string[] sources, string? techPrefix = null,
        RewriteRule[]? calleeRules = null, GatewayStatus status = GatewayStatus.Active)
    {
        _mapping.Add(new MappingGateway
        {
            TenantId = tenant, AccountId = account, Id = id, Name = id, SourceAddresses = [.. sources], TechPrefix = techPrefix,
            CalleeRewriteRules = [.. calleeRules ?? []], Status = status,
        });
        return this;
    }

    public ConfigRows Routing(
        string tenant, string account, string id, int priority = 0, int weight = 1, int strip = 0, string? add = null,
        int? maxCalls = null, GatewayStatus status = GatewayStatus.Active, List<int>? failover = null, List<int>? stop = null)
    {
        var gateway = new RoutingGateway
        {
            TenantId = tenant, AccountId = account, Id = id, Name = id, Host = "192.0.2.1", Priority = priority, Weight = weight,
            StripDigits = strip, AddPrefix = add, MaxConcurrentCalls = maxCalls, Status = status,
        };
        gateway.FailoverCodes = failover ?? gateway.FailoverCodes;
        gateway.StopCodes = stop ?? gateway.StopCodes;
        _routing.Add(gateway);
        return this;
    }

    public ConfigRows Route(string tenant, string id, string prefix, string[] gateways, GatewayStatus status = GatewayStatus.Active)
    {
        _routes.Add(new Route { TenantId = tenant, Id = id, Name = id, Prefix = prefix, RoutingGatewayIds = [.. gateways], Status = status });
        return this;
    }

    /// <summary>A route matching callees by <paramref name="prefix"/> followed by one of a number group's prefixes.</summary>
    public ConfigRows GroupRoute(string tenant, string id, string prefix, string group, string[] gateways)
    {
        _routes.Add(new Route { TenantId = tenant, Id = id, Name = id, Prefix = prefix, CalleeGroupId = group, RoutingGatewayIds = [.. gateways] });
        return this;
    }

    public ConfigRows NumberGroup(string tenant, string id, params string[] prefixes)
    {
        _groups.Add(new NumberGroup { TenantId = tenant, Id = id, Name = id, Prefixes = [.. prefixes] });
        return this;
    }

    /// <summary>A default route over every routing gateway of the tenant added so far, in the order added.</summary>
    public ConfigRows DefaultRouteToAll(string tenant) =>
        Route(tenant, "default", "", _routing.Where(g => g.TenantId == tenant).Select(g => g.Id).ToArray());

    public SwitchConfigRows Build() => new(_tenants, _accounts, _phones, _mapping, _routing, _routes) { NumberGroups = _groups };

    public SwitchConfigSnapshot Snapshot(long version = 1) => SwitchConfigSnapshot.Create(version, Build());
}

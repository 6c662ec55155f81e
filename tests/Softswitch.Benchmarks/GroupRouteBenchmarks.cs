using BenchmarkDotNet.Attributes;
using Softswitch.Domain;
using Softswitch.Switch.Config;

namespace Softswitch.Benchmarks;

/// <summary>
/// The route lookup with number groups in routes (issue 8 §3): a tenant with 1,000 plain prefix routes and a route over
/// a 10,000-prefix group, looked up for a callee that a plain route, the group route and only the default route take.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class GroupRouteBenchmarks
{
    private TenantConfig _tenant = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new Tenant { Id = "ten_a", Name = "a", SipDomain = "a.example", Status = TenantStatus.Active };
        var account = new Account { TenantId = "ten_a", Id = "acc_a", Name = "a", Status = AccountStatus.Active, Currency = "USD" };
        var vendor = new RoutingGateway { TenantId = "ten_a", Id = "rgw_a", AccountId = "acc_a", Name = "v", Host = "192.0.2.1", Port = 5060, Status = GatewayStatus.Active };
        var group = new NumberGroup { TenantId = "ten_a", Id = "ngr_a", Name = "premium", Prefixes = [.. Enumerable.Range(0, 10_000).Select(i => $"88{i * 7 % 100_000:D5}")] };
        List<Route> routes =
        [
            new() { TenantId = "ten_a", Id = "rte_0", Name = "default", Prefix = "", RoutingGatewayIds = ["rgw_a"], Status = GatewayStatus.Active },
            new() { TenantId = "ten_a", Id = "rte_1", Name = "group", Prefix = "", CalleeGroupId = "ngr_a", RoutingGatewayIds = ["rgw_a"], Status = GatewayStatus.Active },
            .. Enumerable.Range(0, 1_000).Select(i => new Route
            {
                TenantId = "ten_a", Id = $"rte_p{i:D4}", Name = $"p{i}", Prefix = $"44{i:D3}", RoutingGatewayIds = ["rgw_a"], Status = GatewayStatus.Active,
            }),
        ];
        var snapshot = SwitchConfigSnapshot.Create(1, new SwitchConfigRows([tenant], [account], [], [], [vendor], routes) { NumberGroups = [group] });
        _tenant = snapshot.Tenants["ten_a"];
    }

    [Benchmark(Baseline = true)]
    public RouteEntry? Plain_prefix_route() => _tenant.FindRoute("442071234567");

    [Benchmark]
    public RouteEntry? Group_route() => _tenant.FindRoute("88699931234");

    [Benchmark]
    public RouteEntry? Default_route() => _tenant.FindRoute("33123456789");
}

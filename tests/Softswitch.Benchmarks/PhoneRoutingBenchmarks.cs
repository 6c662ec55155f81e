using System.Net;
using BenchmarkDotNet.Attributes;
using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;
using Softswitch.Switch.Calls;
using Softswitch.Switch.Config;
using Softswitch.Switch.Phones;
using Softswitch.Switch.Routing;

namespace Softswitch.Benchmarks;

/// <summary>
/// What the phone number plan adds to routing, in a tenant with 10,000 numbered phones: a callee that is no phone's
/// number (the trunk-to-vendor call, against the prefix router alone), and a callee that is a registered phone's.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class PhoneRoutingBenchmarks : IDisposable
{
    private const int Phones = 10_000;
    private readonly Random _random = new(7);
    private SipBindingStore _bindings = null!;
    private PhoneCallRouter _router = null!;
    private CallOrigin _toVendor = null!;
    private CallOrigin _toPhone = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new Tenant { Id = "ten_a", Name = "a", SipDomain = "a.example", Status = TenantStatus.Active };
        var account = new Account { TenantId = "ten_a", Id = "acc_a", Name = "a", Status = AccountStatus.Active, Currency = "USD" };
        var vendor = new RoutingGateway { TenantId = "ten_a", Id = "rgw_a", AccountId = "acc_a", Name = "v", Host = "192.0.2.1", Port = 5060, Status = GatewayStatus.Active };
        var route = new Route { TenantId = "ten_a", Id = "rte_a", Name = "all", Prefix = "", RoutingGatewayIds = ["rgw_a"], Status = GatewayStatus.Active };
        var phones = Enumerable.Range(0, Phones).Select(i => new Phone
        {
            TenantId = "ten_a", Id = $"ph_{i:D5}", AccountId = "acc_a", Username = $"u{i}", Number = $"2{i:D5}", Ha1Md5 = "x", Ha1Sha256 = "y", Status = PhoneStatus.Active,
        }).ToList();
        var snapshot = SwitchConfigSnapshot.Create(1, new SwitchConfigRows([tenant], [account], phones, [], [vendor], [route]));
        var config = snapshot.Tenants["ten_a"];
        _bindings = new SipBindingStore(TimeProvider.System);
        _bindings.Apply(
            "a.example", "u42", [(SipNameAddress.Parse("<sip:u42@10.0.0.42:5060>"), TimeSpan.FromHours(1))], "reg", 1,
            SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("203.0.113.42"), 40000)), 10);
        _router = new PhoneCallRouter(PrefixCallRouter.Instance, new RegisteredPhoneContacts(_bindings));
        _toVendor = new CallOrigin(config, config.Accounts["acc_a"], null, snapshot.FindPhone("a.example", "u1"), "1001", "442071234567");
        _toPhone = _toVendor with { Callee = "200042" };
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bindings.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public RoutePlan Prefix_router_alone() => PrefixCallRouter.Instance.Plan(_toVendor, _random);

    [Benchmark]
    public RoutePlan Number_plan_then_prefix() => _router.Plan(_toVendor, _random);

    [Benchmark]
    public RoutePlan Registered_phone() => _router.Plan(_toPhone, _random);
}

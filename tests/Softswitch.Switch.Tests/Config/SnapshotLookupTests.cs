using System.Net;
using Softswitch.Domain;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

public sealed class SnapshotLookupTests
{
    [Fact]
    public void Longest_route_prefix_wins_and_the_empty_prefix_is_the_default()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "v")
            .Routing("t", "v", "g")
            .Route("t", "default", "", ["g"]).Route("t", "uk", "44", ["g"]).Route("t", "london", "4420", ["g"])
            .Snapshot();

        Assert.Equal("london", snapshot.FindRoute("t", "442071234567")?.Id);
        Assert.Equal("uk", snapshot.FindRoute("t", "441611234567")?.Id);
        Assert.Equal("uk", snapshot.FindRoute("t", "44")?.Id);
        Assert.Equal("default", snapshot.FindRoute("t", "33123")?.Id);
        Assert.Equal("default", snapshot.FindRoute("t", "")?.Id);
    }

    [Fact]
    public void No_route_matches_without_a_default_and_disabled_routes_fall_back_to_shorter_ones()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "g")
            .Route("t", "uk", "44", ["g"]).Route("t", "london", "4420", ["g"], GatewayStatus.Disabled)
            .Snapshot();

        Assert.Null(snapshot.FindRoute("t", "33123"));
        Assert.Equal("uk", snapshot.FindRoute("t", "442071234567")?.Id);
        Assert.Null(snapshot.FindRoute("unknown-tenant", "44"));
    }

    [Fact]
    public void Routes_leave_out_disabled_gateways_and_gateways_of_inactive_vendors()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "v").Account("t", "closed", AccountStatus.Closed)
            .Routing("t", "v", "up").Routing("t", "v", "off", status: GatewayStatus.Disabled).Routing("t", "closed", "orphan")
            .Route("t", "r", "", ["off", "up", "orphan", "missing"])
            .Snapshot();

        Assert.Equal(["up"], snapshot.FindRoute("t", "1")!.Gateways.Select(g => g.Id));
    }

    [Fact]
    public void Ingress_is_found_by_cidr_and_the_most_specific_block_wins()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c")
            .Mapping("t", "c", "wide", ["203.0.113.0/24"]).Mapping("t", "c", "narrow", ["203.0.113.8/29"])
            .Mapping("t", "c", "v6", ["2001:db8::/32"])
            .Snapshot();

        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("203.0.113.200"), "4420", out var wide));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("203.0.113.9"), "4420", out var narrow));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("::ffff:203.0.113.9"), "4420", out var mapped));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("2001:db8::5"), "4420", out var v6));
        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.1"), "4420", out _));
        Assert.Equal("wide", wide.Gateway.Id);
        Assert.Equal("narrow", narrow.Gateway.Id);
        Assert.Equal("narrow", mapped.Gateway.Id);
        Assert.Equal("v6", v6.Gateway.Id);
        Assert.Equal("4420", wide.Callee);
    }

    [Fact]
    public void Most_specific_block_wins_first_then_the_longest_tech_prefix_which_is_stripped()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c")
            .Mapping("t", "c", "plain", ["198.51.100.7"])
            .Mapping("t", "c", "short", ["198.51.100.7"], techPrefix: "77")
            .Mapping("t", "c", "longer", ["198.51.100.7"], techPrefix: "7788")
            .Mapping("t", "c", "wide-long", ["198.51.100.0/24"], techPrefix: "778899")
            .Snapshot();
        var source = IPAddress.Parse("198.51.100.7");

        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(source, "778899442071234567", out var specific));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(source, "7788442071234567", out var longest));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(source, "77442071234567", out var shorter));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(source, "442071234567", out var none));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.8"), "778899442071234567", out var wide));
        Assert.Equal(("longer", "99442071234567"), (specific.Gateway.Id, specific.Callee));
        Assert.Equal(("longer", "442071234567"), (longest.Gateway.Id, longest.Callee));
        Assert.Equal(("short", "442071234567"), (shorter.Gateway.Id, shorter.Callee));
        Assert.Equal(("plain", "442071234567"), (none.Gateway.Id, none.Callee));
        Assert.Equal(("wide-long", "442071234567"), (wide.Gateway.Id, wide.Callee));
    }

    [Fact]
    public void A_more_specific_block_of_another_tenant_wins_over_a_longer_tech_prefix()
    {
        var snapshot = new ConfigRows().Tenant("a").Account("a", "ca").Tenant("b").Account("b", "cb")
            .Mapping("a", "ca", "a-wide", ["127.0.0.0/8"], techPrefix: "99")
            .Mapping("b", "cb", "b-host", ["127.0.0.1"])
            .Snapshot();

        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Loopback, "9912345", out var match));
        Assert.Equal(("b", "9912345"), (match.Gateway.TenantId, match.Callee));
    }

    [Fact]
    public void Equal_claims_of_two_tenants_are_ambiguous_and_never_guessed()
    {
        var snapshot = new ConfigRows().Tenant("a").Account("a", "ca").Tenant("b").Account("b", "cb")
            .Mapping("a", "ca", "a-trunk", ["127.0.0.1"])
            .Mapping("b", "cb", "b-trunk", ["127.0.0.1/32"])
            .Mapping("b", "cb", "b-prefixed", ["127.0.0.1"], techPrefix: "55")
            .Snapshot();

        Assert.Equal(IngressLookup.Ambiguous, snapshot.IdentifyIngress(IPAddress.Loopback, "12345", out _));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Loopback, "5512345", out var prefixed));
        Assert.Equal("b-prefixed", prefixed.Gateway.Id);
    }

    [Fact]
    public void Two_gateways_of_one_tenant_with_equal_claims_resolve_to_the_lower_id()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c")
            .Mapping("t", "c", "m2", ["127.0.0.1"]).Mapping("t", "c", "m1", ["127.0.0.1"])
            .Snapshot();

        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Loopback, "1", out var match));
        Assert.Equal("m1", match.Gateway.Id);
    }

    [Fact]
    public void A_tech_prefix_gateway_alone_refuses_callees_without_its_prefix()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c").Mapping("t", "c", "m", ["198.51.100.7"], techPrefix: "77").Snapshot();

        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.7"), "442071234567", out _));
    }

    [Fact]
    public void Disabled_gateways_suspended_accounts_and_suspended_tenants_are_not_ingress()
    {
        var snapshot = new ConfigRows()
            .Tenant("t").Account("t", "c").Account("t", "s", AccountStatus.Suspended)
            .Tenant("off", status: TenantStatus.Suspended).Account("off", "oc")
            .Mapping("t", "c", "disabled", ["192.0.2.1"], status: GatewayStatus.Disabled)
            .Mapping("t", "s", "suspended", ["192.0.2.2"])
            .Mapping("off", "oc", "tenant-off", ["192.0.2.3"])
            .Snapshot();

        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("192.0.2.1"), "1", out _));
        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("192.0.2.2"), "1", out _));
        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("192.0.2.3"), "1", out _));
    }

    [Fact]
    public void Phone_is_found_by_domain_ignoring_case_and_username_respecting_case()
    {
        var snapshot = new ConfigRows().Tenant("t", "pbx.example.net").Account("t", "c")
            .Phone("t", "c", "p1", "alice").Phone("t", "c", "p2", "bob", PhoneStatus.Disabled)
            .Snapshot();

        var alice = snapshot.FindPhone("PBX.Example.NET", "alice");

        Assert.Equal(("p1", "md5-p1", "sha-p1", "t"), (alice?.Id, alice?.Ha1Md5, alice?.Ha1Sha256, alice?.TenantId));
        Assert.Null(snapshot.FindPhone("pbx.example.net", "Alice"));
        Assert.Null(snapshot.FindPhone("pbx.example.net", "bob"));
        Assert.Null(snapshot.FindPhone("other.example.net", "alice"));
    }
}

using System.Net;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

/// <summary>One unusable row is left out and reported; it never stops the snapshot of everyone else from being built.</summary>
public sealed class BadConfigRowTests
{
    [Fact]
    public void A_sip_domain_claimed_twice_ignoring_case_leaves_out_the_later_tenant_only()
    {
        var rows = new ConfigRows()
            .Tenant("t1-first", "carrier.example.net").Tenant("t2-later", "CARRIER.Example.NET").Tenant("t3-good")
            .Account("t1-first", "c1").Phone("t1-first", "c1", "p1", "1001")
            .Account("t2-later", "c2").Phone("t2-later", "c2", "p2", "1001")
            .Account("t3-good", "v3").Routing("t3-good", "v3", "g3").DefaultRouteToAll("t3-good");

        var snapshot = rows.Snapshot();

        Assert.Equal(["t1-first", "t3-good"], snapshot.Tenants.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("t1-first", snapshot.FindTenantByDomain("Carrier.example.net")?.TenantId);
        Assert.Equal("p1", snapshot.FindPhone("CARRIER.example.net", "1001")?.Id);
        Assert.Equal("g3", Assert.Single(snapshot.FindRoute("t3-good", "1")!.Gateways).Id);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("tenants", "t2-later", "t2-later"), (problem.Table, problem.TenantId, problem.RowId));
        Assert.DoesNotContain("t1-first", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_username_used_twice_in_one_domain_keeps_the_phone_created_first()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c")
            .Phone("t", "c", "p2-later", "1001").Phone("t", "c", "p1-first", "1001").Phone("t", "c", "p3", "1002")
            .Snapshot();

        Assert.Equal("p1-first", snapshot.FindPhone("t.example.net", "1001")?.Id);
        Assert.Equal("p3", snapshot.FindPhone("t.example.net", "1002")?.Id);
        Assert.Equal(("phones", "t", "p2-later"), Single(snapshot));
    }

    [Fact]
    public void A_mapping_gateway_with_an_unparseable_block_is_left_out_and_its_neighbours_still_match()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c")
            .Mapping("t", "c", "bad", ["198.51.100.0/24", "10.0.0.300/33"]).Mapping("t", "c", "good", ["203.0.113.7"])
            .Snapshot();

        Assert.Equal(IngressLookup.Unknown, snapshot.IdentifyIngress(IPAddress.Parse("198.51.100.1"), "1", out _));
        Assert.Equal(IngressLookup.Matched, snapshot.IdentifyIngress(IPAddress.Parse("203.0.113.7"), "1", out var match));
        Assert.Equal("good", match.Gateway.Id);
        Assert.Equal(("mapping_gateways", "t", "bad"), Single(snapshot));
        Assert.Contains("10.0.0.300/33", snapshot.Problems[0].Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(70_000)]
    public void A_routing_gateway_with_an_impossible_port_is_left_out_of_its_routes(int port)
    {
        var rows = new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "bad").Routing("t", "v", "good")
            .Route("t", "r", "", ["bad", "good"]).Build();
        rows.RoutingGateways.Single(g => g.Id == "bad").Port = port;

        var snapshot = SwitchConfigSnapshot.Create(1, rows);

        Assert.Equal(["good"], snapshot.FindRoute("t", "44")!.Gateways.Select(g => g.Id));
        Assert.False(snapshot.Tenants["t"].RoutingGateways.ContainsKey("bad"));
        Assert.Equal(("routing_gateways", "t", "bad"), Single(snapshot));
    }

    [Fact]
    public void A_route_naming_a_missing_gateway_or_another_tenants_is_reported_and_uses_the_rest()
    {
        var snapshot = new ConfigRows().Tenant("t").Tenant("elsewhere").Account("t", "v").Account("elsewhere", "ov")
            .Routing("t", "v", "mine").Routing("t", "v", "off", status: Domain.GatewayStatus.Disabled).Routing("elsewhere", "ov", "theirs")
            .Route("t", "r", "", ["gone", "theirs", "off", "mine"])
            .Snapshot();

        Assert.Equal(["mine"], snapshot.FindRoute("t", "1")!.Gateways.Select(g => g.Id));
        Assert.Equal(2, snapshot.Problems.Count);
        Assert.All(snapshot.Problems, p => Assert.Equal(("routes", "t", "r"), (p.Table, p.TenantId, p.RowId)));
        Assert.Contains(snapshot.Problems, p => p.Problem.Contains("gone", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Problems, p => p.Problem.Contains("elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_prefix_that_is_not_digits_or_is_taken_is_left_out()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "g")
            .Route("t", "r1", "44", ["g"]).Route("t", "r2", "44", ["g"]).Route("t", "r3", "4x", ["g"])
            .Snapshot();

        Assert.Equal("r1", snapshot.FindRoute("t", "4420")?.Id);
        Assert.Equal(1, snapshot.Tenants["t"].RouteCount);
        Assert.Equal(["r2", "r3"], snapshot.Problems.Select(p => p.RowId));
    }

    [Fact]
    public void A_clean_configuration_reports_no_problems()
    {
        var snapshot = new ConfigRows().Tenant("t").Account("t", "c").Account("t", "v").Phone("t", "c", "p", "1001")
            .Mapping("t", "c", "m", ["198.51.100.0/24"]).Routing("t", "v", "g").DefaultRouteToAll("t")
            .Snapshot();

        Assert.Empty(snapshot.Problems);
    }

    private static (string Table, string TenantId, string RowId) Single(SwitchConfigSnapshot snapshot)
    {
        var problem = Assert.Single(snapshot.Problems);
        return (problem.Table, problem.TenantId, problem.RowId);
    }
}

using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Config;

/// <summary>Issue 8 §3: number groups in routes, matched with the same longest-prefix rule as plain prefixes.</summary>
public sealed class GroupRouteTests
{
    private static ConfigRows Rows() => new ConfigRows().Tenant("t").Account("t", "v").Routing("t", "v", "g");

    [Fact]
    public void A_group_route_matches_callees_that_start_with_any_of_the_groups_prefixes()
    {
        var snapshot = Rows().NumberGroup("t", "premium", "4490", "4487", "881")
            .Route("t", "default", "", ["g"]).GroupRoute("t", "premium-route", "", "premium", ["g"])
            .Snapshot();

        Assert.Equal("premium-route", snapshot.FindRoute("t", "449012345")?.Id);
        Assert.Equal("premium-route", snapshot.FindRoute("t", "8816000000")?.Id);
        Assert.Equal("default", snapshot.FindRoute("t", "4420123456")?.Id);
        Assert.Equal("premium", snapshot.FindRoute("t", "4487111")!.CalleeGroupId);
    }

    [Fact]
    public void A_group_route_with_a_prefix_matches_the_prefix_followed_by_a_group_prefix()
    {
        var snapshot = Rows().NumberGroup("t", "uk-mobile", "447")
            .GroupRoute("t", "via-00", "00", "uk-mobile", ["g"])
            .Snapshot();

        Assert.Equal("via-00", snapshot.FindRoute("t", "00447700900123")?.Id);
        Assert.Null(snapshot.FindRoute("t", "447700900123"));
        Assert.Null(snapshot.FindRoute("t", "00448")?.Id);
    }

    [Fact]
    public void The_longest_match_wins_across_plain_and_group_routes_and_a_plain_route_wins_a_tie_of_length()
    {
        var snapshot = Rows().NumberGroup("t", "grp", "4420", "33")
            .Route("t", "uk", "44", ["g"]).Route("t", "london-plain", "4420", ["g"]).Route("t", "paris", "331", ["g"])
            .GroupRoute("t", "group", "", "grp", ["g"])
            .Snapshot();

        Assert.Equal("london-plain", snapshot.FindRoute("t", "442071234567")?.Id);
        Assert.Equal("paris", snapshot.FindRoute("t", "33123")?.Id);
        Assert.Equal("group", snapshot.FindRoute("t", "33999")?.Id);
        Assert.Equal("uk", snapshot.FindRoute("t", "4416")?.Id);
    }

    [Fact]
    public void Where_two_groups_share_a_prefix_the_route_created_first_keeps_it()
    {
        var snapshot = Rows().NumberGroup("t", "a", "4490").NumberGroup("t", "b", "4490", "4491")
            .GroupRoute("t", "rte_2", "", "b", ["g"]).GroupRoute("t", "rte_1", "", "a", ["g"])
            .Snapshot();

        Assert.Equal("rte_1", snapshot.FindRoute("t", "449000")?.Id);
        Assert.Equal("rte_2", snapshot.FindRoute("t", "449100")?.Id);
    }

    [Fact]
    public void A_route_naming_a_missing_or_another_tenants_group_is_left_out_and_reported()
    {
        var snapshot = Rows().Tenant("other").NumberGroup("other", "theirs", "4490")
            .GroupRoute("t", "stolen", "", "theirs", ["g"]).GroupRoute("t", "dangling", "1", "gone", ["g"])
            .Snapshot();

        Assert.Null(snapshot.FindRoute("t", "449000"));
        Assert.Null(snapshot.FindRoute("t", "1449000"));
        Assert.Equal(["dangling", "stolen"], snapshot.Problems.Where(p => p.Table == "routes").Select(p => p.RowId).Order());
    }

    [Fact]
    public void A_group_edit_reaches_routing_with_the_next_snapshot()
    {
        var before = Rows().NumberGroup("t", "grp", "4490").GroupRoute("t", "r", "", "grp", ["g"]).Snapshot();
        var after = Rows().NumberGroup("t", "grp", "4491").GroupRoute("t", "r", "", "grp", ["g"]).Snapshot(2);

        Assert.Equal("r", before.FindRoute("t", "449000")?.Id);
        Assert.Null(after.FindRoute("t", "449000"));
        Assert.Equal("r", after.FindRoute("t", "449100")?.Id);
    }

    [Fact]
    public void A_lookup_in_a_10000_prefix_group_allocates_nothing()
    {
        var prefixes = Enumerable.Range(0, 10_000).Select(i => $"88{i:D5}").ToArray();
        var snapshot = Rows().NumberGroup("t", "big", prefixes).GroupRoute("t", "r", "", "big", ["g"]).Snapshot();
        var tenant = snapshot.Tenants["t"];
        Assert.Equal("r", tenant.FindRoute("8809999123")?.Id);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            tenant.FindRoute("8809999123");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using System.Net;
using Softswitch.Domain;
using Softswitch.Switch.Geofencing;

namespace Softswitch.Switch.Tests.Geofencing;

/// <summary>The most specific level whose fence is not Ignore decides; tenants never see each other's fences.</summary>
public sealed class GeofencePrecedenceTests
{
    private static readonly IPAddress Domestic = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress Abroad = IPAddress.Parse("203.0.113.7");

    [Fact]
    public void The_tenant_fence_decides_for_every_peer_without_its_own()
    {
        var tenant = new GeofenceRows().Set("home", "198.51.100.0/24")
            .Fence("t", GeofenceScope.Tenant, null, "home", GeofenceMode.Allow).Policy().For("t")!;

        Assert.False(tenant.ForCaller("trunk", null)!.Refuses(Domestic));
        Assert.True(tenant.ForCaller("trunk", null)!.Refuses(Abroad));
        Assert.True(tenant.ForCaller(null, "phone")!.Refuses(Abroad));
        Assert.True(tenant.ForVendor("vendor")!.Refuses(Abroad));
    }

    [Fact]
    public void A_trunk_fence_overrides_the_tenant_fence_for_that_trunk_only()
    {
        var tenant = new GeofenceRows().Set("home", "198.51.100.0/24").Set("partner", "203.0.113.0/24")
            .Fence("t", GeofenceScope.Tenant, null, "home", GeofenceMode.Allow)
            .Fence("t", GeofenceScope.MappingGateway, "partner-trunk", "partner", GeofenceMode.Allow)
            .Policy().For("t")!;

        Assert.False(tenant.ForCaller("partner-trunk", null)!.Refuses(Abroad));
        Assert.True(tenant.ForCaller("partner-trunk", null)!.Refuses(Domestic));
        Assert.True(tenant.ForCaller("other-trunk", null)!.Refuses(Abroad));
    }

    [Fact]
    public void Ignore_at_a_level_hands_the_decision_to_the_tenant_level()
    {
        var tenant = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence("t", GeofenceScope.Tenant, null, "abroad", GeofenceMode.Forbidden)
            .Fence("t", GeofenceScope.Phone, "phone", "abroad", GeofenceMode.Ignore)
            .Fence("t", GeofenceScope.RoutingGateway, "vendor", "abroad", GeofenceMode.Ignore)
            .Policy().For("t")!;

        Assert.Equal(GeofenceScope.Tenant, tenant.ForCaller(null, "phone")!.Scope);
        Assert.Equal(GeofenceScope.Tenant, tenant.ForVendor("vendor")!.Scope);
    }

    [Fact]
    public void Ignore_everywhere_means_no_fence()
    {
        var tenant = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence("t", GeofenceScope.Tenant, null, "abroad", GeofenceMode.Ignore)
            .Policy().For("t")!;

        Assert.Null(tenant.ForCaller("trunk", null));
        Assert.Null(tenant.ForVendor("vendor"));
    }

    [Fact]
    public void Vendor_and_caller_fences_are_separate_levels()
    {
        var tenant = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence("t", GeofenceScope.RoutingGateway, "vendor", "abroad", GeofenceMode.Forbidden)
            .Policy().For("t")!;

        Assert.True(tenant.ForVendor("vendor")!.Refuses(Abroad));
        Assert.Null(tenant.ForVendor("other-vendor"));
        Assert.Null(tenant.ForCaller("vendor", null));
    }

    [Fact]
    public void A_tenants_fences_never_apply_to_another_tenant()
    {
        var policy = new GeofenceRows().Set("abroad", "203.0.113.0/24")
            .Fence("t", GeofenceScope.Tenant, null, "abroad", GeofenceMode.Forbidden)
            .Fence("t", GeofenceScope.MappingGateway, "shared-id", "abroad", GeofenceMode.Forbidden)
            .Policy();

        Assert.Null(policy.For("n"));
        Assert.NotNull(policy.For("t")!.ForCaller("shared-id", null));
    }

    [Fact]
    public void A_fence_whose_set_is_missing_is_left_out()
    {
        var policy = new GeofenceRows().Fence("t", GeofenceScope.Tenant, null, "gone", GeofenceMode.Allow).Policy();

        Assert.Null(policy.For("t"));
    }
}

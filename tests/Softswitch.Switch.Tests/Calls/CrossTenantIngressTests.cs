using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>On the wire, a tenant's trunk traffic uses that tenant's routes only, and a tie between tenants is refused.</summary>
public sealed class CrossTenantIngressTests : IAsyncDisposable
{
    private static readonly IPAddress TenantBSource = IPAddress.Parse("127.0.0.2");
    private readonly LoopbackPeer _vendorB = new("vendor-b", TimeProvider.System);
    private readonly LoopbackPeer _callerB = new("caller-b", TimeProvider.System, TenantBSource);

    [Fact]
    public async Task Tenant_b_trunk_calls_use_tenant_b_routes_and_never_tenant_a_routes()
    {
        // Tenant A's wide block carries a tech prefix that starts the callee: a more specific block still wins.
        await using var rig = new B2buaFixture(vendorA => Snapshot(vendorA, tenantASources: ["127.0.0.0/8"], tenantBSources: ["127.0.0.2"], tenantATechPrefix: "44"));

        var ok = await _callerB.SendAsync(InviteFrom(rig, _callerB), rig.SwitchEndPoint);

        Assert.Equal(200, ok.StatusCode);
        await _vendorB.Requests.WaitAsync(r => r.Method == SipMethods.Invite, "INVITE at tenant B's vendor");
        Assert.Empty(rig.Vendor.Requests.Items);
        var journal = await rig.Cdrs.Journal.WaitAsync(_ => true, "journal entry");
        Assert.Equal(("ten_b", "mgw_b"), (journal.TenantId, journal.MappingGatewayId));
    }

    [Fact]
    public async Task Two_tenants_claiming_the_same_address_make_the_call_ambiguous_and_it_is_refused_and_counted()
    {
        await using var rig = new B2buaFixture(vendorA => Snapshot(vendorA, tenantASources: ["127.0.0.2"], tenantBSources: ["127.0.0.2/32"]));

        var refused = await _callerB.SendAsync(InviteFrom(rig, _callerB), rig.SwitchEndPoint);

        Assert.Equal(403, refused.StatusCode);
        Assert.DoesNotContain("ten_", refused.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(1, rig.B2bua.Counters.AmbiguousIngresses);
        Assert.Equal(0, rig.B2bua.Counters.CallsAccepted);
        Assert.Empty(rig.Vendor.Requests.Items);
        Assert.Empty(_vendorB.Requests.Items);
    }

    public async ValueTask DisposeAsync()
    {
        await _vendorB.DisposeAsync();
        await _callerB.DisposeAsync();
    }

    private SwitchConfigSnapshot Snapshot(int vendorAPort, string[] tenantASources, string[] tenantBSources, string? tenantATechPrefix = null)
    {
        var rows = new ConfigRows()
            .Tenant("ten_a").Account("ten_a", "acc_a").Mapping("ten_a", "acc_a", "mgw_a", tenantASources, tenantATechPrefix).Routing("ten_a", "acc_a", "rgw_a").DefaultRouteToAll("ten_a")
            .Tenant("ten_b").Account("ten_b", "acc_b").Mapping("ten_b", "acc_b", "mgw_b", tenantBSources).Routing("ten_b", "acc_b", "rgw_b").DefaultRouteToAll("ten_b")
            .Build();
        foreach (var (gateway, port) in rows.RoutingGateways.Select(g => (g, g.TenantId == "ten_a" ? vendorAPort : _vendorB.Port)))
        {
            gateway.Host = "127.0.0.1";
            gateway.Port = port;
        }

        return SwitchConfigSnapshot.Create(1, rows);
    }

    private static SipRequest InviteFrom(B2buaFixture rig, LoopbackPeer caller)
    {
        var invite = rig.Invite();
        invite.Headers.Set(SipHeaderKind.Contact, caller.Contact);
        return invite;
    }
}

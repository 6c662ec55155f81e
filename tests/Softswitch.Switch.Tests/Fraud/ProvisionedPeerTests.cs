using Softswitch.Domain;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>
/// A tenant's own trunks and vendors are held to the trusted thresholds without being listed twice: a busy trunk
/// raises an alert and keeps its service, while an address nobody provisioned is banned at the ordinary threshold.
/// </summary>
public sealed class ProvisionedPeerTests
{
    private static GuardRig Rig()
    {
        var rig = new GuardRig(o => o.TrustedAddresses = "");
        rig.Current = new ConfigRows().Tenant("ten_1", GuardRig.Domain).Account("ten_1", "acc_1").Account("ten_1", "ven_1")
            .Mapping("ten_1", "acc_1", "trunk", ["198.51.100.0/28"], techPrefix: "99")
            .Routing("ten_1", "ven_1", "vendor")
            .Snapshot();
        return rig;
    }

    [Theory]
    [InlineData("198.51.100.9")] // inside a customer trunk's source block, whatever the trunk's tech prefix
    [InlineData("192.0.2.1")] // a vendor's address
    public void A_provisioned_peer_over_the_flood_threshold_is_alerted_once_and_never_banned(string peer)
    {
        var rig = Rig();
        var source = GuardRig.Ip(peer);

        Assert.Equal(80, rig.Send(source, 80));

        Assert.False(rig.Guard.IsBanned(source));
        var alert = Assert.Single(rig.Events);
        Assert.Equal((SecurityAction.Alert, "ten_1"), (alert.Action, alert.TenantId));
    }

    [Fact]
    public void An_address_next_to_the_trunk_that_nobody_provisioned_is_banned()
    {
        var rig = Rig();
        var stranger = GuardRig.Ip("198.51.100.17");

        Assert.Equal(5, rig.Send(stranger, 80));

        Assert.True(rig.Guard.IsBanned(stranger));
        Assert.Equal(SecurityAction.Ban, Assert.Single(rig.Events).Action);
    }
}

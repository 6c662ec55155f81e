using Softswitch.Domain;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>
/// A tenant's own trunks and vendors are held to the trusted flood threshold without being listed twice: a busy trunk
/// raises an alert and keeps its service, while an address nobody provisioned is banned at the ordinary threshold, and
/// a trunk's address that sweeps user names is banned like any other.
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

    [Fact]
    public void A_trunk_address_sweeping_user_names_is_banned_like_any_other()
    {
        var rig = Rig();
        var trunk = GuardRig.Ip("198.51.100.9");

        var answers = Enumerable.Range(100, 4).Select(user => rig.Guard.Inspect(
            GuardRig.Request(Softswitch.Sip.Messages.SipMethods.Options, user.ToString(System.Globalization.CultureInfo.InvariantCulture), trunk), trunk)).ToList();

        Assert.Equal([true, true, true, false], answers);
        Assert.False(rig.Guard.Admit(trunk));
        Assert.Equal(Softswitch.Switch.Fraud.SecurityRules.Sweep, rig.Guard.FindBan(trunk)?.Rule);
    }
}

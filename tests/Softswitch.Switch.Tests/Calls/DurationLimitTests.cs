using Softswitch.Switch.Config;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Calls;

/// <summary>VOS3000's conversation limitation: the tightest of the trunk's, the account's and the vendor's maximum duration.</summary>
public sealed class DurationLimitTests
{
    [Theory]
    [InlineData(30, null, 120, 30)] // the account's is the tightest
    [InlineData(300, 45, 120, 45)] // the trunk's is
    [InlineData(null, null, 50, 50)] // only the vendor has one
    public async Task The_tightest_limit_ends_both_legs(int? account, int? trunk, int? vendor, int expected)
    {
        await using var rig = new B2buaFixture(port => Snapshot(port, account, trunk, vendor));
        var (caller, _) = await rig.ConnectAsync();

        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(expected - 0.1));
        Assert.Equal(200, await rig.ProbeAsync(caller));
        rig.Clock.AdvanceTo(TimeSpan.FromSeconds(expected));

        await SessionTimerTests.AssertSwitchEndedBothLegsAsync(rig, "Maximum call duration reached");
        Assert.Equal(TimeSpan.FromSeconds(expected), Assert.Single(rig.Cdrs.Finals.Items).Duration);
    }

    private static SwitchConfigSnapshot Snapshot(int vendorPort, int? account, int? trunk, int? vendor)
    {
        var rows = new ConfigRows()
            .Tenant(LoopbackTrunks.Tenant)
            .Account(LoopbackTrunks.Tenant, "acc_customer")
            .Account(LoopbackTrunks.Tenant, "acc_vendor")
            .Mapping(LoopbackTrunks.Tenant, "acc_customer", LoopbackTrunks.MappingGateway, ["127.0.0.1"])
            .Routing(LoopbackTrunks.Tenant, "acc_vendor", LoopbackTrunks.RoutingGateway)
            .DefaultRouteToAll(LoopbackTrunks.Tenant)
            .Build();
        rows.Accounts.Single(a => a.Id == "acc_customer").MaxCallDurationSeconds = account;
        rows.MappingGateways.Single().MaxCallDurationSeconds = trunk;
        var gateway = rows.RoutingGateways.Single();
        gateway.MaxCallDurationSeconds = vendor;
        gateway.Host = "127.0.0.1";
        gateway.Port = vendorPort;
        return SwitchConfigSnapshot.Create(1, rows);
    }
}

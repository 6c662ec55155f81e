using Softswitch.Domain;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>What the control plane tells the guard: tenants' trusted blocks, and bans an operator lifted.</summary>
public sealed class TrustAndLiftTests
{
    private static readonly System.Net.IPAddress Source = GuardRig.Ip("198.51.100.20");

    [Fact]
    public void A_lift_ends_the_ban_and_forgets_the_offence()
    {
        var rig = new GuardRig();
        rig.Send(Source, 6);
        rig.Clock.Advance(TimeSpan.FromSeconds(1));

        rig.Guard.Apply(new SecurityDirectives([new BanLift(Source, rig.Clock.GetUtcNow())], []));

        Assert.Equal(5, rig.Send(Source, 5));
        Assert.False(rig.Guard.Admit(Source));
        Assert.Equal(1, rig.Guard.FindBan(Source)!.Offence);
        Assert.Equal(1, rig.Guard.Counters.Lifts);
    }

    [Fact]
    public void A_ban_raised_after_the_lift_stays()
    {
        var rig = new GuardRig();
        var liftedAt = rig.Clock.GetUtcNow();
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        rig.Send(Source, 6);

        rig.Guard.Apply(new SecurityDirectives([new BanLift(Source, liftedAt)], []));

        Assert.True(rig.Guard.IsBanned(Source));
    }

    [Fact]
    public void A_tenant_trusted_block_turns_a_ban_into_an_alert_naming_the_tenant()
    {
        var rig = new GuardRig();
        rig.Guard.Apply(new SecurityDirectives([], [new TrustedBlock(CidrBlock.Parse("198.51.100.0/24"), "ten_2")]));

        Assert.Equal(60, rig.Send(Source, 60));

        var alert = Assert.Single(rig.Events);
        Assert.Equal((SecurityAction.Alert, "ten_2"), (alert.Action, alert.TenantId));
    }

    [Fact]
    public void A_block_removed_from_the_list_is_no_longer_trusted()
    {
        var rig = new GuardRig();
        rig.Guard.Apply(new SecurityDirectives([], [new TrustedBlock(CidrBlock.Parse("198.51.100.0/24"), "ten_2")]));
        rig.Guard.Apply(new SecurityDirectives([], []));

        rig.Send(Source, 6);

        Assert.True(rig.Guard.IsBanned(Source));
    }

    [Fact]
    public void A_threat_feed_ban_holds_until_its_expiry_and_a_lift_ends_it()
    {
        var rig = new GuardRig();
        var now = rig.Clock.GetUtcNow();
        var feed = new ImportedBan(Source, "feed", now, now.AddHours(24));

        rig.Guard.Apply(new SecurityDirectives([], [], [feed]));
        Assert.False(rig.Guard.Admit(Source));
        rig.Guard.Apply(new SecurityDirectives([], [], [feed with { ExpiresAt = now.AddHours(1) }]));
        rig.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(rig.Guard.IsBanned(Source));

        rig.Guard.Apply(new SecurityDirectives([new BanLift(Source, rig.Clock.GetUtcNow())], []));

        Assert.True(rig.Guard.Admit(Source));
        Assert.Empty(rig.Events);
    }

    [Fact]
    public void A_threat_feed_ban_ends_at_its_expiry()
    {
        var rig = new GuardRig();
        var now = rig.Clock.GetUtcNow();

        rig.Guard.Apply(new SecurityDirectives([], [], [new ImportedBan(Source, "feed", now, now.AddHours(1))]));
        rig.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(rig.Guard.Admit(Source));
    }
}

using Softswitch.Domain;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>The flood rule: N requests in window W bans the source for T, longer for each repeat offence.</summary>
public sealed class FloodRuleTests
{
    private static readonly System.Net.IPAddress Attacker = GuardRig.Ip("203.0.113.9");

    [Fact]
    public void N_requests_in_the_window_pass_and_the_next_one_bans_the_source()
    {
        var rig = new GuardRig();

        Assert.Equal(5, rig.Send(Attacker, 5));
        Assert.False(rig.Guard.Admit(Attacker));

        Assert.True(rig.Guard.IsBanned(Attacker));
        var ban = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Flood, SecurityAction.Ban, 6, 5, 1), (ban.Rule, ban.Action, ban.Count, ban.Threshold, ban.Offence));
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(60), ban.BannedUntil);
        Assert.Equal(0, rig.Send(Attacker, 100));
        Assert.Single(rig.Events);
    }

    [Fact]
    public void A_new_window_starts_the_count_again()
    {
        var rig = new GuardRig();

        Assert.Equal(5, rig.Send(Attacker, 5));
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(5, rig.Send(Attacker, 5));

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void Other_sources_are_not_touched_by_a_ban()
    {
        var rig = new GuardRig();
        rig.Send(Attacker, 6);

        Assert.Equal(5, rig.Send(GuardRig.Ip("203.0.113.10"), 5));
    }

    [Fact]
    public void A_ban_ends_after_T()
    {
        var rig = new GuardRig();
        rig.Send(Attacker, 6);

        rig.Clock.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        Assert.False(rig.Guard.Admit(Attacker));
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(5, rig.Send(Attacker, 5));
    }

    [Fact]
    public void A_repeat_offender_is_banned_twice_as_long_each_time_up_to_the_maximum()
    {
        var rig = new GuardRig();
        var lengths = new List<double>();
        for (var offence = 0; offence < 4; offence++)
        {
            rig.Send(Attacker, 6);
            var ban = rig.Guard.FindBan(Attacker)!;
            lengths.Add((ban.ExpiresAt - ban.BannedAt).TotalSeconds);
            rig.Clock.Advance(ban.ExpiresAt - rig.Clock.GetUtcNow());
        }

        Assert.Equal([60, 120, 200, 200], lengths);
        Assert.Equal([1, 2, 3, 4], rig.Events.Select(e => e.Offence));
    }

    [Fact]
    public void An_offence_is_forgotten_after_the_repeat_period()
    {
        var rig = new GuardRig();
        rig.Send(Attacker, 6);
        rig.Clock.Advance(TimeSpan.FromSeconds(60 + 3_600));

        rig.Send(Attacker, 6);

        Assert.Equal(1, rig.Guard.FindBan(Attacker)!.Offence);
    }

    [Fact]
    public void A_trusted_source_over_its_threshold_raises_one_alert_and_is_never_banned()
    {
        var rig = new GuardRig();
        var trunk = GuardRig.Ip("10.1.2.3");

        Assert.Equal(200, rig.Send(trunk, 200));

        Assert.False(rig.Guard.IsBanned(trunk));
        var alert = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Flood, SecurityAction.Alert, 51, 50), (alert.Rule, alert.Action, alert.Count, alert.Threshold));
        Assert.Null(alert.TenantId);
    }

    [Fact]
    public void The_tracking_table_stays_bounded_when_sources_are_spoofed()
    {
        var rig = new GuardRig();
        for (var i = 0; i < 5_000; i++)
        {
            rig.Guard.Admit(new System.Net.IPAddress([198, 18, (byte)(i >> 8), (byte)i]));
        }

        Assert.Equal(1_000, rig.Guard.TrackedSources);
        Assert.Equal(4_000, rig.Guard.EvictedSources);
    }

    [Fact]
    public void The_ban_table_stays_bounded()
    {
        var rig = new GuardRig();
        for (var i = 0; i < 3_000; i++)
        {
            rig.Send(new System.Net.IPAddress([198, 19, (byte)(i >> 8), (byte)i]), 6);
        }

        Assert.InRange(rig.Guard.ActiveBans, 900, 1_000);
        Assert.Equal(3_000, rig.Guard.Counters.Bans);
    }
}

using Softswitch.Domain;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>
/// The platform changes the signalling rules at run time (through the API): new thresholds and ban lengths apply to
/// the next count, and a monitor-only rule reports what it would have done instead of doing it.
/// </summary>
public sealed class PlatformRulesTests
{
    private static readonly System.Net.IPAddress Source = GuardRig.Ip("203.0.113.50");

    [Fact]
    public void A_monitor_only_flood_rule_reports_once_per_window_and_bans_nobody()
    {
        var rig = new GuardRig(o => o.MonitorRules = "flood");

        Assert.Equal(12, rig.Send(Source, 12));

        Assert.False(rig.Guard.IsBanned(Source));
        var watched = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Flood, SecurityAction.Monitor, 6, 5), (watched.Rule, watched.Action, watched.Count, watched.Threshold));
        Assert.Equal(1, rig.Guard.Counters.Monitored);
        Assert.Equal(0, rig.Guard.Counters.Bans);
    }

    [Fact]
    public void A_monitor_only_phone_rule_reports_instead_of_suspending()
    {
        var rig = new GuardRig(o =>
        {
            o.MonitorRules = "phone-auth-failures";
            o.AuthFailuresPerAddress = 100;
        });

        for (var i = 0; i < 5; i++)
        {
            rig.Guard.OnVerified(GuardRig.Request(SipMethods.Register, "1001", Source), GuardRig.Domain, "1001", DigestVerdict.Invalid);
        }

        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
        var watched = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.PhoneAuthFailures, SecurityAction.Monitor, "phn_1"), (watched.Rule, watched.Action, watched.PhoneId));
    }

    [Fact]
    public void New_rules_govern_the_next_count_and_the_next_ban_while_bans_in_force_stay()
    {
        var rig = new GuardRig();
        var early = GuardRig.Ip("203.0.113.51");
        rig.Send(early, 6);
        var tighter = Copy(rig.Options);
        tighter.FloodRequests = 2;
        tighter.BanSeconds = 10;
        tighter.MaxBanSeconds = 10;

        rig.Guard.Apply(tighter);

        Assert.Equal(2, rig.Send(Source, 3));
        Assert.True(rig.Guard.IsBanned(Source));
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(10), rig.Guard.FindBan(Source)!.ExpiresAt);
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(60), rig.Guard.FindBan(early)!.ExpiresAt);
        Assert.Equal(2, rig.Guard.Rules.FloodRequests);
    }

    [Fact]
    public void Platform_trusted_blocks_and_scanner_patterns_are_replaced_and_impossible_rules_refused()
    {
        var rig = new GuardRig();
        var changed = Copy(rig.Options);
        changed.TrustedAddresses = "203.0.113.0/24";
        changed.ScannerPatterns = "evil-dialer";

        rig.Guard.Apply(changed);

        // Trusted now: held to 5 × 10 and reported when it crosses, never banned.
        Assert.Equal(60, rig.Send(Source, 60));
        Assert.Equal(SecurityAction.Alert, Assert.Single(rig.Events).Action);
        Assert.False(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "1001", GuardRig.Ip("198.51.100.1"), userAgent: "evil-dialer 2.0"), GuardRig.Ip("198.51.100.1")));
        Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "1001", GuardRig.Ip("198.51.100.2"), userAgent: "friendly-scanner"), GuardRig.Ip("198.51.100.2")));
        var impossible = Copy(rig.Options);
        impossible.MonitorRules = "geofence";
        Assert.Throws<ArgumentException>(() => rig.Guard.Apply(impossible));
    }

    private static SignallingGuardOptions Copy(SignallingGuardOptions o) => new()
    {
        FloodRequests = o.FloodRequests, FloodWindowSeconds = o.FloodWindowSeconds, BanSeconds = o.BanSeconds, MaxBanSeconds = o.MaxBanSeconds,
        RepeatOffenceSeconds = o.RepeatOffenceSeconds, ScannerPatterns = o.ScannerPatterns, SweepDistinctUsers = o.SweepDistinctUsers,
        SweepWindowSeconds = o.SweepWindowSeconds, AuthFailuresPerAddress = o.AuthFailuresPerAddress, AuthFailureWindowSeconds = o.AuthFailureWindowSeconds,
        PhoneAuthFailures = o.PhoneAuthFailures, PhoneAuthFailureWindowSeconds = o.PhoneAuthFailureWindowSeconds,
        TrustedThresholdMultiplier = o.TrustedThresholdMultiplier, TrustedAddresses = o.TrustedAddresses, MonitorRules = o.MonitorRules,
        MaxTrackedSources = o.MaxTrackedSources, MaxBans = o.MaxBans,
    };
}

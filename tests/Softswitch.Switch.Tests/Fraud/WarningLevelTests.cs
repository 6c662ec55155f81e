using Softswitch.Domain;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>
/// Warning levels of the signalling rules: crossing one raises a <c>warn</c> event once a window and lets the source
/// go on; the rule's own level still bans or suspends. Trusted sources are warned at the warning level times the
/// multiplier.
/// </summary>
public sealed class WarningLevelTests
{
    private static readonly System.Net.IPAddress Source = GuardRig.Ip("203.0.113.40");
    private static readonly System.Net.IPAddress Trusted = GuardRig.Ip("10.1.2.3");

    [Fact]
    public void Flood_warns_once_past_its_warning_level_then_bans_past_its_threshold()
    {
        var rig = new GuardRig(o => o.FloodWarningRequests = 3);

        Assert.Equal(3, rig.Send(Source, 3));
        Assert.Empty(rig.Events);
        Assert.Equal(2, rig.Send(Source, 2));
        var warning = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Flood, SecurityAction.Warn, 4, 3), (warning.Rule, warning.Action, warning.Count, warning.Threshold));
        Assert.False(rig.Guard.IsBanned(Source));

        Assert.Equal(0, rig.Send(Source, 1));
        Assert.Equal([SecurityAction.Warn, SecurityAction.Ban], rig.Events.Select(e => e.Action));
        Assert.Equal(1, rig.Guard.Counters.Warnings);
    }

    [Fact]
    public void A_warning_is_raised_again_in_the_next_window()
    {
        var rig = new GuardRig(o => o.FloodWarningRequests = 3);
        rig.Send(Source, 4);
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        rig.Send(Source, 4);

        Assert.Equal(2, rig.Events.Count(e => e.Action == SecurityAction.Warn));
        Assert.False(rig.Guard.IsBanned(Source));
    }

    [Fact]
    public void Without_a_warning_level_nothing_is_raised_below_the_threshold()
    {
        var rig = new GuardRig();
        rig.Send(Source, 5);

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void A_trusted_source_is_warned_at_the_warning_level_times_the_multiplier()
    {
        var rig = new GuardRig(o => o.FloodWarningRequests = 3);

        Assert.Equal(30, rig.Send(Trusted, 30));
        Assert.Empty(rig.Events);
        Assert.Equal(30, rig.Send(Trusted, 30));
        Assert.Equal(
            [(SecurityAction.Warn, 31, 30), (SecurityAction.Alert, 51, 50)],
            rig.Events.Select(e => (e.Action, e.Count, e.Threshold)));
        Assert.False(rig.Guard.IsBanned(Trusted));
    }

    [Fact]
    public void Sweep_warns_before_it_bans()
    {
        var rig = new GuardRig(o => o.SweepWarningUsers = 2);
        foreach (var user in new[] { "100", "101", "102" })
        {
            Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, user, Source), Source));
        }

        var warning = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Sweep, SecurityAction.Warn, 3, 2), (warning.Rule, warning.Action, warning.Count, warning.Threshold));
        Assert.False(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "103", Source), Source));
        Assert.Equal(SecurityAction.Ban, rig.Events[^1].Action);
    }

    [Fact]
    public void Address_failures_warn_before_the_ban()
    {
        var rig = new GuardRig(o => (o.PhoneAuthFailures, o.AuthFailuresWarning) = (100, 2));
        for (var i = 0; i < 3; i++)
        {
            Fail(rig, Source, "1001");
        }

        var warning = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.AuthFailures, SecurityAction.Warn, 3, 2), (warning.Rule, warning.Action, warning.Count, warning.Threshold));
        Assert.False(rig.Guard.IsBanned(Source));
    }

    [Fact]
    public void Phone_failures_warn_before_the_suspension_and_name_the_tenant()
    {
        var rig = new GuardRig(o => (o.AuthFailuresPerAddress, o.PhoneAuthFailuresWarning) = (100, 1));
        Fail(rig, GuardRig.Ip("203.0.113.1"), "1001");
        Assert.Empty(rig.Events);
        Fail(rig, GuardRig.Ip("203.0.113.2"), "1001");

        var warning = Assert.Single(rig.Events);
        Assert.Equal(
            (SecurityRules.PhoneAuthFailures, SecurityAction.Warn, "ten_1", "phn_1", 2, 1),
            (warning.Rule, warning.Action, warning.TenantId, warning.PhoneId, warning.Count, warning.Threshold));
        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));

        Fail(rig, GuardRig.Ip("203.0.113.3"), "1001");
        Fail(rig, GuardRig.Ip("203.0.113.4"), "1001");
        Assert.True(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
        Assert.Equal([SecurityAction.Warn, SecurityAction.Suspend], rig.Events.Select(e => e.Action));
    }

    [Fact]
    public void A_warning_level_at_or_above_the_threshold_is_refused()
    {
        var rig = new GuardRig();
        var options = new SignallingGuardOptions { FloodRequests = 10, FloodWarningRequests = 10 };

        Assert.Contains(options.FindProblems(), p => p.StartsWith(nameof(SignallingGuardOptions.FloodWarningRequests), StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => rig.Guard.Apply(options));
    }

    private static void Fail(GuardRig rig, System.Net.IPAddress source, string user) =>
        rig.Guard.OnVerified(GuardRig.Request(SipMethods.Register, user, source), GuardRig.Domain, user, DigestVerdict.Invalid);
}

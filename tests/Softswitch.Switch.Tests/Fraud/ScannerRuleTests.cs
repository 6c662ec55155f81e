using Softswitch.Domain;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>Known scanners by User-Agent or From, and sweeps over user names, get a source banned.</summary>
public sealed class ScannerRuleTests
{
    private static readonly System.Net.IPAddress Scanner = GuardRig.Ip("203.0.113.66");

    [Theory]
    [InlineData("friendly-scanner", null, "User-Agent: friendly-scanner")]
    [InlineData("SIPVicious 0.3.3", null, "User-Agent: SIPVicious 0.3.3")]
    [InlineData("Linphone/3.6", "sipcli/v1.8", "From: sipcli/v1.8")]
    [InlineData(null, "VaxSIPUserAgent", "From: VaxSIPUserAgent")]
    public void A_known_scanner_is_banned_on_its_first_request(string? userAgent, string? fromDisplay, string evidence)
    {
        var rig = new GuardRig();

        Assert.False(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "100", Scanner, userAgent, fromDisplay), Scanner));

        Assert.False(rig.Guard.Admit(Scanner));
        var ban = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Scanner, SecurityAction.Ban), (ban.Rule, ban.Action));
        Assert.Equal(evidence, ban.Evidence);
    }

    [Fact]
    public void An_ordinary_phone_passes()
    {
        var rig = new GuardRig();

        Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Register, "1001", Scanner, "Yealink SIP-T46S"), Scanner));
        Assert.Empty(rig.Events);
    }

    [Fact]
    public void Patterns_are_settings_and_an_empty_list_turns_the_rule_off()
    {
        var rig = new GuardRig(o => o.ScannerPatterns = "");

        Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "100", Scanner, "friendly-scanner"), Scanner));
    }

    [Fact]
    public void A_trusted_source_with_a_scanner_agent_raises_one_alert_per_window()
    {
        var rig = new GuardRig();
        var trusted = GuardRig.Ip("10.9.9.9");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Options, "100", trusted, "sipsak 0.9"), trusted));
        }

        Assert.Equal(SecurityAction.Alert, Assert.Single(rig.Events).Action);
    }

    [Theory]
    [InlineData(SipMethods.Register)]
    [InlineData(SipMethods.Options)]
    public void A_sweep_over_more_user_names_than_allowed_in_the_window_bans(string method)
    {
        var rig = new GuardRig();

        foreach (var user in new[] { "100", "101", "101", "100", "102" })
        {
            Assert.True(rig.Guard.Inspect(GuardRig.Request(method, user, Scanner), Scanner));
        }

        Assert.False(rig.Guard.Inspect(GuardRig.Request(method, "103", Scanner), Scanner));
        var ban = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.Sweep, 4, 3, method), (ban.Rule, ban.Count, ban.Threshold, ban.Evidence));
    }

    [Fact]
    public void Names_spread_over_several_windows_are_no_sweep()
    {
        var rig = new GuardRig();
        for (var user = 100; user < 112; user++)
        {
            Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Register, user.ToString(System.Globalization.CultureInfo.InvariantCulture), Scanner), Scanner));
            rig.Clock.Advance(TimeSpan.FromSeconds(4));
        }

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void Invites_to_many_numbers_are_calls_not_a_sweep()
    {
        var rig = new GuardRig();
        for (var user = 100; user < 120; user++)
        {
            Assert.True(rig.Guard.Inspect(GuardRig.Request(SipMethods.Invite, user.ToString(System.Globalization.CultureInfo.InvariantCulture), Scanner), Scanner));
        }
    }
}

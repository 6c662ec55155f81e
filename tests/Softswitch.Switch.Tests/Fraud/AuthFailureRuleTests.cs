using Softswitch.Domain;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Tests.Builders;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>
/// Failed digest authentication: COUNT failures from one address within TIME ban it (VOS SS_REG_FAIL_BLACKLIST_COUNT /
/// _TIME); K failures of one phone suspend it (VOS SS_CALLAUTH_INVALID_COUNT) until it is reactivated.
/// </summary>
public sealed class AuthFailureRuleTests
{
    private static readonly System.Net.IPAddress Guesser = GuardRig.Ip("203.0.113.77");

    [Fact]
    public void Count_failures_within_the_time_ban_the_address()
    {
        var rig = new GuardRig(o => o.PhoneAuthFailures = 100);
        for (var i = 0; i < 4; i++)
        {
            Fail(rig, Guesser, "1001", DigestVerdict.Invalid);
        }

        Assert.False(rig.Guard.IsBanned(Guesser));
        Fail(rig, Guesser, "9999", DigestVerdict.UnknownUser);

        Assert.True(rig.Guard.IsBanned(Guesser));
        var ban = Assert.Single(rig.Events);
        Assert.Equal((SecurityRules.AuthFailures, SecurityAction.Ban, 5, 4), (ban.Rule, ban.Action, ban.Count, ban.Threshold));
        Assert.Equal("REGISTER 9999@" + GuardRig.Domain, ban.Evidence);
    }

    [Fact]
    public void Failures_spread_beyond_the_time_do_not_ban()
    {
        var rig = new GuardRig(o => o.PhoneAuthFailures = 100);
        for (var i = 0; i < 12; i++)
        {
            Fail(rig, Guesser, "1001", DigestVerdict.InvalidAgain);
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.False(rig.Guard.IsBanned(Guesser));
    }

    [Theory]
    [InlineData(DigestVerdict.Missing)]
    [InlineData(DigestVerdict.Stale)]
    [InlineData(DigestVerdict.BadNonce)]
    public void Challenges_without_a_wrong_password_are_not_failures(DigestVerdict verdict)
    {
        var rig = new GuardRig();
        for (var i = 0; i < 20; i++)
        {
            Fail(rig, Guesser, "1001", verdict);
        }

        Assert.Empty(rig.Events);
    }

    [Fact]
    public void K_failures_of_a_phone_from_many_addresses_suspend_it_and_raise_an_event()
    {
        var rig = new GuardRig();
        for (var i = 0; i < 4; i++)
        {
            Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
            Fail(rig, GuardRig.Ip($"203.0.113.{i + 1}"), "1001", DigestVerdict.Invalid);
        }

        Assert.True(rig.Guard.IsLocked(GuardRig.Domain.ToUpperInvariant(), "1001"));
        var suspension = Assert.Single(rig.Events);
        Assert.Equal(
            (SecurityRules.PhoneAuthFailures, SecurityAction.Suspend, "ten_1", "phn_1", 4, 3),
            (suspension.Rule, suspension.Action, suspension.TenantId, suspension.PhoneId, suspension.Count, suspension.Threshold));
    }

    [Fact]
    public void A_success_starts_the_phone_count_again()
    {
        var rig = new GuardRig();
        Fail(rig, Guesser, "1001", DigestVerdict.Invalid);
        Fail(rig, Guesser, "1001", DigestVerdict.Invalid);
        Fail(rig, Guesser, "1001", DigestVerdict.Valid);
        Fail(rig, Guesser, "1001", DigestVerdict.Invalid);
        Fail(rig, Guesser, "1001", DigestVerdict.Invalid);

        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
    }

    [Fact]
    public void Unknown_users_are_never_suspended_so_the_table_holds_only_provisioned_phones()
    {
        var rig = new GuardRig(o => o.AuthFailuresPerAddress = 1_000);
        for (var i = 0; i < 10; i++)
        {
            Fail(rig, Guesser, "2002", DigestVerdict.UnknownUser);
        }

        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "2002"));
        Assert.Empty(rig.Events);
    }

    [Fact]
    public void The_suspension_hands_over_to_the_stored_status_and_a_reactivated_phone_works_again()
    {
        var rig = new GuardRig();
        for (var i = 0; i < 4; i++)
        {
            Fail(rig, GuardRig.Ip($"203.0.113.{i + 1}"), "1001", DigestVerdict.Invalid);
        }

        // The stored status reaches the snapshot: the phone is left out of it.
        rig.Current = new ConfigRows().Tenant("ten_1", GuardRig.Domain).Account("ten_1", "acc_1")
            .Phone("ten_1", "acc_1", "phn_1", "1001", Domain.PhoneStatus.Suspended).Snapshot(2);
        Assert.True(rig.Guard.IsLocked(GuardRig.Domain, "1001"));

        // Reactivated through the API: back in the snapshot, and nothing in memory holds it any more.
        rig.Current = new ConfigRows().Tenant("ten_1", GuardRig.Domain).Account("ten_1", "acc_1").Phone("ten_1", "acc_1", "phn_1", "1001").Snapshot(3);
        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
    }

    [Fact]
    public void A_trusted_source_over_the_higher_thresholds_raises_alerts_and_suspends_nothing()
    {
        var rig = new GuardRig();
        var pbx = GuardRig.Ip("10.0.0.5");
        for (var i = 0; i < 45; i++)
        {
            Fail(rig, pbx, "1001", DigestVerdict.Invalid);
        }

        Assert.False(rig.Guard.IsBanned(pbx));
        Assert.False(rig.Guard.IsLocked(GuardRig.Domain, "1001"));
        Assert.Equal(
            [(SecurityRules.PhoneAuthFailures, 31), (SecurityRules.AuthFailures, 41)],
            rig.Events.Select(e => (e.Rule, e.Count)));
        Assert.All(rig.Events, e => Assert.Equal(SecurityAction.Alert, e.Action));
    }

    private static void Fail(GuardRig rig, System.Net.IPAddress source, string user, DigestVerdict verdict) =>
        rig.Guard.OnVerified(GuardRig.Request(SipMethods.Register, user, source), GuardRig.Domain, user, verdict);
}

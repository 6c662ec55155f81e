using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Sip.Messages;
using Softswitch.Switch.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>Issue 8 §4, the scanner honeypot: numbers banned scanners dial become blocked destinations for tenants that opt in.</summary>
public sealed class ScannerHoneypotTests
{
    private static readonly System.Net.IPAddress Scanner = GuardRig.Ip("203.0.113.66");

    [Fact]
    public void The_number_of_an_invite_that_gets_its_source_banned_as_a_scanner_is_recorded_and_an_ordinary_call_is_not()
    {
        var rig = new GuardRig();

        rig.Guard.Inspect(GuardRig.Request(SipMethods.Invite, "0097259000000", Scanner, "friendly-scanner"), Scanner);
        rig.Guard.Inspect(GuardRig.Request(SipMethods.Invite, "4420700001", GuardRig.Ip("198.51.100.20"), "Yealink SIP-T46S"), GuardRig.Ip("198.51.100.20"));

        Assert.Equal(rig.Clock.GetUtcNow(), rig.Guard.Honeypot.LastDialled("0097259000000"));
        Assert.Null(rig.Guard.Honeypot.LastDialled("4420700001"));
    }

    [Fact]
    public void A_tenant_that_opts_in_refuses_calls_to_scanner_numbers_for_its_period_and_one_that_does_not_connects_them()
    {
        var honeypot = new ScannerHoneypot();
        var optedIn = new BlacklistRig();
        var other = new BlacklistRig(tenantId: "ten_b", counters: optedIn.Counters);
        var blacklist = new TenantBlacklist("ten_a", optedIn.Counters, optedIn, 100, honeypot);
        blacklist.SetRules([new FraudRuleSpec(BlacklistRig.Rule(FraudRuleKind.ScannerDestinations, blocking: 0, expireSeconds: 3600))]);
        honeypot.Record("0097259000000", optedIn.Time.GetUtcNow());

        var refused = blacklist.Admit(optedIn.Call(callee: "0097259000000"), optedIn.Time.GetUtcNow());
        Assert.True(refused.Refused);
        Assert.Equal(BlacklistSubject.Callee, refused.Key.Subject);
        Assert.False(blacklist.Admit(optedIn.Call(callee: "4420700001"), optedIn.Time.GetUtcNow()).Refused);
        Assert.False(other.Admit(other.Call(callee: "0097259000000")).Refused, "no rule, no honeypot");

        Assert.False(blacklist.Admit(optedIn.Call(callee: "0097259000000"), optedIn.Time.GetUtcNow().AddSeconds(3600)).Refused, "the period has passed");
    }

    [Fact]
    public void The_honeypot_keeps_at_most_its_capacity_and_forgets_the_number_dialled_longest_ago()
    {
        var honeypot = new ScannerHoneypot();
        var start = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i <= ScannerHoneypot.Capacity; i++)
        {
            honeypot.Record($"882{i:D8}", start.AddSeconds(i));
        }

        Assert.Equal(ScannerHoneypot.Capacity, honeypot.Count);
        Assert.Null(honeypot.LastDialled("88200000000"));
        Assert.NotNull(honeypot.LastDialled($"882{ScannerHoneypot.Capacity:D8}"));
    }
}

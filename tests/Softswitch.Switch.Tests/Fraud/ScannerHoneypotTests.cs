using Microsoft.Extensions.Time.Testing;
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
        var optedIn = new BlacklistRig();
        var honeypot = new ScannerHoneypot(optedIn.Time, new ScannerDestinationOptions());
        var other = new BlacklistRig(tenantId: "ten_b", counters: optedIn.Counters);
        var blacklist = new TenantBlacklist("ten_a", optedIn.Counters, optedIn, 100, honeypot);
        blacklist.SetRules([new FraudRuleSpec(BlacklistRig.Rule(FraudRuleKind.ScannerDestinations, blocking: 0, expireSeconds: 3600))]);
        honeypot.Record("0097259000000", Scanner, optedIn.Time.GetUtcNow());

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
        var (clock, honeypot, _) = Honeypot(new ScannerDestinationOptions { MaxNumbers = 100 });
        var start = clock.GetUtcNow();
        for (var i = 0; i <= honeypot.Capacity; i++)
        {
            honeypot.Record($"882{i:D8}", Scanner, start.AddSeconds(i));
        }

        honeypot.Record("88200000001", Scanner, start.AddSeconds(500));
        honeypot.Record("88299999999", Scanner, start.AddSeconds(501));

        Assert.Equal(honeypot.Capacity, honeypot.Count);
        Assert.Null(honeypot.LastDialled("88200000000"));
        Assert.NotNull(honeypot.LastDialled("88200000001"));
        Assert.Null(honeypot.LastDialled("88200000002"));
        Assert.NotNull(honeypot.LastDialled($"882{honeypot.Capacity:D8}"));
    }

    [Fact]
    public void Every_dial_goes_to_the_sink_with_its_source()
    {
        var (clock, honeypot, sink) = Honeypot(new ScannerDestinationOptions());

        honeypot.Record("0097259000000", Scanner, clock.GetUtcNow());
        honeypot.Record("0097259000000", Scanner, clock.GetUtcNow());
        honeypot.Record(new string('1', ScannerHoneypot.MaxNumberLength + 1), Scanner, clock.GetUtcNow());

        Assert.Equal([("0097259000000", Scanner), ("0097259000000", Scanner)], sink.Dials);
    }

    [Fact]
    public void A_number_not_dialled_within_the_retention_is_gone()
    {
        var (clock, honeypot, _) = Honeypot(new ScannerDestinationOptions { RetentionDays = 2 });
        honeypot.Record("0097259000000", Scanner, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull(honeypot.LastDialled("0097259000000"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(honeypot.LastDialled("0097259000000"));

        honeypot.Merge("0097259000001", clock.GetUtcNow() - TimeSpan.FromDays(3));
        Assert.Equal(1, honeypot.Count);
    }

    [Fact]
    public void Stored_dials_merge_in_time_order_and_never_move_a_number_back()
    {
        var (clock, honeypot, sink) = Honeypot(new ScannerDestinationOptions { MaxNumbers = 100 });
        var now = clock.GetUtcNow();
        honeypot.Merge("111", now.AddMinutes(-1));
        honeypot.Merge("222", now.AddMinutes(-3));
        honeypot.Merge("111", now.AddMinutes(-10));
        for (var i = 0; i < 99; i++)
        {
            honeypot.Record($"9{i:D3}", Scanner, now);
        }

        Assert.Equal(now.AddMinutes(-1), honeypot.LastDialled("111"));
        Assert.Null(honeypot.LastDialled("222"));
        Assert.DoesNotContain(sink.Dials, d => d.Number is "111" or "222");
    }

    [Fact]
    public void A_forgotten_number_goes_unless_a_scanner_dialled_it_again_after()
    {
        var (clock, honeypot, _) = Honeypot(new ScannerDestinationOptions());
        var now = clock.GetUtcNow();
        honeypot.Record("111", Scanner, now);
        honeypot.Record("222", Scanner, now.AddSeconds(5));

        honeypot.Forget("111", now.AddSeconds(1));
        honeypot.Forget("222", now.AddSeconds(1));

        Assert.Null(honeypot.LastDialled("111"));
        Assert.NotNull(honeypot.LastDialled("222"));
    }

    private static (FakeTimeProvider Clock, ScannerHoneypot Honeypot, RecordingSink Sink) Honeypot(ScannerDestinationOptions options)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var sink = new RecordingSink();
        return (clock, new ScannerHoneypot(clock, options, sink), sink);
    }

    private sealed class RecordingSink : IScannerDestinationSink
    {
        public List<(string Number, System.Net.IPAddress Source)> Dials { get; } = [];

        public void Dialled(string number, System.Net.IPAddress source, DateTimeOffset at) => Dials.Add((number, source));
    }
}

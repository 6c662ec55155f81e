using Softswitch.Domain;
using Softswitch.Domain.Fraud;

namespace Softswitch.Switch.Tests.Fraud;

/// <summary>Issue 8 §4: each dynamic-blacklist rule's window, warning and blocking levels, expiry and monitor-only mode.</summary>
public sealed class DynamicBlacklistRuleTests
{
    [Fact]
    public void Caller_frequency_lets_the_limit_through_and_blacklists_the_caller_on_the_next_call_with_its_evidence()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 3));

        Assert.Equal(3, rig.AdmitMany(3, _ => rig.Call()));
        var refused = rig.Admit(rig.Call());

        Assert.True(refused.Refused);
        Assert.Equal((BlacklistSubject.Caller, "15550001", 403), (refused.Key.Subject, refused.Key.Value, refused.ResponseCode));
        var blocked = Assert.Single(rig.Of(BlacklistEventKind.Blocked));
        Assert.Equal((4, 3), (blocked.Count, blocked.Level));
        Assert.Equal(["call-1", "call-2", "call-3", "call-4"], blocked.Evidence);
        Assert.Equal(rig.Time.GetUtcNow().AddSeconds(60), blocked.ExpiresAt);
        Assert.NotNull(blocked.EntryId);
        Assert.False(rig.Admit(rig.Call(caller: "15550002")).Refused, "another caller is not touched");
    }

    [Fact]
    public void Caller_frequency_counts_within_its_window_only()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 3, windowSeconds: 10));

        Assert.Equal(3, rig.AdmitMany(3, _ => rig.Call()));
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, rig.AdmitMany(3, _ => rig.Call()));
        Assert.Empty(rig.Findings);
    }

    [Fact]
    public void The_expiry_counts_from_the_last_attempt_and_then_the_entry_is_gone_at_once()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 1, windowSeconds: 5, expireSeconds: 60));
        rig.AdmitMany(2, _ => rig.Call());

        rig.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(rig.Admit(rig.Call()).Refused);
        rig.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(rig.Admit(rig.Call()).Refused, "the attempt at 50 s moved the expiry to 110 s");
        var moved = rig.Extensions[^1];
        rig.Time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(rig.Time.GetUtcNow(), moved.ExpiresAt);
        Assert.False(rig.Admit(rig.Call()).Refused);
        Assert.False(rig.Blacklist.IsBlocked(new BlacklistKey(null, BlacklistSubject.Caller, "15550001"), rig.Time.GetUtcNow()));
    }

    [Fact]
    public void A_warning_level_raises_one_event_per_window_and_blocks_nothing()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 5, edit: r => r.WarningLevel = 2));

        Assert.Equal(5, rig.AdmitMany(5, _ => rig.Call()));

        var warning = Assert.Single(rig.Findings);
        Assert.Equal((BlacklistEventKind.Warning, 3, 2), (warning.Kind, warning.Count, warning.Level));
    }

    [Fact]
    public void A_monitor_only_rule_records_one_would_block_and_lets_every_call_through()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 2, edit: r => r.MonitorOnly = true));

        Assert.Equal(10, rig.AdmitMany(10, _ => rig.Call()));

        var wouldBlock = Assert.Single(rig.Findings);
        Assert.Equal((BlacklistEventKind.WouldBlock, 3), (wouldBlock.Kind, wouldBlock.Count));
        Assert.Equal(0, rig.Blacklist.EntryCount);
    }

    [Fact]
    public void Callee_frequency_blacklists_the_called_number_whoever_calls_it()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CalleeFrequency, blocking: 3));

        Assert.Equal(3, rig.AdmitMany(5, i => rig.Call(caller: $"1555000{i}", callee: "88213000")));

        Assert.True(rig.Blacklist.IsBlocked(new BlacklistKey(null, BlacklistSubject.Callee, "88213000"), rig.Time.GetUtcNow()));
        Assert.False(rig.Admit(rig.Call(caller: "15550001", callee: "4420700001")).Refused, "the callers may still call elsewhere");
    }

    [Fact]
    public void Caller_concurrency_refuses_past_the_level_and_frees_a_place_when_a_call_ends()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerConcurrency, blocking: 2, expireSeconds: 0));
        var first = rig.Call();

        Assert.False(rig.Admit(first).Refused);
        Assert.False(rig.Admit(rig.Call()).Refused);
        Assert.True(rig.Admit(rig.Call()).Refused);
        Assert.True(rig.Admit(rig.Call()).Refused, "a refused call took no place");
        rig.End(first, TimeSpan.FromSeconds(30));

        Assert.False(rig.Admit(rig.Call()).Refused);
        Assert.Equal(0, rig.Blacklist.EntryCount);
    }

    [Fact]
    public void No_answer_blacklists_a_callee_after_consecutive_unanswered_or_short_calls_and_a_real_answer_starts_again()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.NoAnswer, blocking: 3, windowSeconds: 60, edit: r => r.MinAnsweredSeconds = 5));
        void Probe(TimeSpan? answered)
        {
            var call = rig.Call(callee: "23276000");
            Assert.False(rig.Admit(call).Refused);
            rig.End(call, answered);
        }

        Probe(null);
        Probe(TimeSpan.FromSeconds(2));
        Probe(TimeSpan.FromSeconds(40));
        Probe(null);
        Probe(null);
        Probe(TimeSpan.FromSeconds(1));
        Assert.Empty(rig.Findings);
        Probe(null);

        Assert.Equal(BlacklistEventKind.Blocked, Assert.Single(rig.Findings).Kind);
        Assert.True(rig.Admit(rig.Call(caller: "15559999", callee: "23276000")).Refused);
    }

    [Fact]
    public void Distinct_callees_blacklist_a_caller_sweeping_numbers_but_not_one_redialling_the_same_number()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.DistinctCallees, blocking: 3));

        Assert.Equal(10, rig.AdmitMany(10, _ => rig.Call(caller: "15550001", callee: "4420700001")));
        Assert.Equal(3, rig.AdmitMany(6, i => rig.Call(caller: "15550002", callee: $"88213{i:000}")));

        Assert.Equal("15550002", Assert.Single(rig.Of(BlacklistEventKind.Blocked)).Key.Value);
    }

    [Fact]
    public void Distinct_callees_count_past_the_first_eight_numbers_and_count_names_that_are_not_numbers_on_their_own()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.DistinctCallees, blocking: 20));

        Assert.Equal(12, rig.AdmitMany(12, i => rig.Call(callee: $"44207{i:00000}")));
        Assert.Equal(12, rig.AdmitMany(12, i => rig.Call(callee: $"44207{i:00000}")));
        Assert.Equal(4, rig.AdmitMany(4, i => rig.Call(callee: i % 2 == 0 ? $"+44207{i:00000}" : $"alice{i}")));
        Assert.Equal(4, rig.AdmitMany(4, i => rig.Call(callee: $"0044207{i:00000}")));
        Assert.Empty(rig.Findings);

        Assert.True(rig.Admit(rig.Call(callee: "44207099999")).Refused, "the 21st distinct callee");
        Assert.Equal(21, Assert.Single(rig.Of(BlacklistEventKind.Blocked)).Count);
    }

    [Theory]
    [InlineData(BlacklistSubject.Caller, null)]
    [InlineData(BlacklistSubject.Callee, null)]
    [InlineData(BlacklistSubject.Account, null)]
    [InlineData(BlacklistSubject.Caller, "mgw_1")]
    [InlineData(BlacklistSubject.Callee, "mgw_1")]
    [InlineData(BlacklistSubject.Account, "mgw_1")]
    public void Every_kind_of_entry_blocks_beside_a_table_of_another_kind_until_it_is_released(BlacklistSubject subject, string? gateway)
    {
        var rig = new BlacklistRig();
        var now = rig.Time.GetUtcNow();
        var other = subject == BlacklistSubject.Caller ? BlacklistSubject.Callee : BlacklistSubject.Caller;
        for (var i = 0; i < 100; i++)
        {
            rig.Blacklist.Apply(new BlacklistEntryState(new BlacklistKey(null, other, $"1999{i:0000}"), BlacklistEntryKind.Block, now.AddMinutes(5), null), now);
        }

        var call = rig.Call();
        var key = new BlacklistKey(gateway, subject, call.ValueOf(subject));
        Assert.False(rig.Admit(call).Refused);
        rig.Blacklist.Apply(new BlacklistEntryState(key, BlacklistEntryKind.Block, now.AddMinutes(1), null), now);

        Assert.True(rig.Admit(rig.Call()).Refused);
        Assert.Equal(gateway is null, rig.Admit(rig.Call(gateway: "mgw_2")).Refused);
        rig.Blacklist.Remove(key, BlacklistEntryKind.Block);
        Assert.False(rig.Admit(rig.Call()).Refused);
        rig.Blacklist.Apply(new BlacklistEntryState(key, BlacklistEntryKind.Block, now.AddMinutes(1), null), now);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(rig.Admit(rig.Call()).Refused, "an expired entry is gone at once");
        Assert.Equal(100, rig.Blacklist.EntryCount);
    }

    [Fact]
    public void Distinct_prefixes_per_account_count_the_countries_an_account_dials_over_all_its_callers()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(
            FraudRuleKind.DistinctCallees, blocking: 2, edit: r => (r.PrefixLength, r.CountBy) = (3, BlacklistSubject.Account)));

        Assert.Equal(4, rig.AdmitMany(4, i => rig.Call(caller: $"1555{i}", callee: $"882{i}000")));
        Assert.False(rig.Admit(rig.Call(caller: "1", callee: "4420700001")).Refused);
        Assert.True(rig.Admit(rig.Call(caller: "2", callee: "2327600")).Refused);

        var blocked = Assert.Single(rig.Of(BlacklistEventKind.Blocked));
        Assert.Equal((BlacklistSubject.Account, "acc_1"), (blocked.Key.Subject, blocked.Key.Value));
        Assert.True(rig.Admit(rig.Call(caller: "3", callee: "4420700001")).Refused, "the whole account is blocked");
    }

    [Fact]
    public void A_standalone_rule_counts_and_blocks_only_through_the_gateways_that_enable_it()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(
            FraudRuleKind.CallerFrequency, blocking: 2, edit: r => (r.Scope, r.MappingGatewayIds) = (FraudRuleScope.Standalone, ["mgw_1"])));

        Assert.Equal(5, rig.AdmitMany(5, _ => rig.Call(gateway: "mgw_2")));
        Assert.Equal(5, rig.AdmitMany(5, _ => rig.Call(gateway: null)));
        Assert.Equal(2, rig.AdmitMany(5, _ => rig.Call(gateway: "mgw_1")));

        Assert.Equal("mgw_1", Assert.Single(rig.Of(BlacklistEventKind.Blocked)).Key.MappingGatewayId);
        Assert.False(rig.Admit(rig.Call(gateway: "mgw_2")).Refused, "the entry blocks only through mgw_1");
    }

    [Fact]
    public void One_tenants_counters_and_entries_never_touch_another_tenants_calls_even_with_one_store()
    {
        var a = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 2));
        var b = new BlacklistRig(tenantId: "ten_b", counters: a.Counters).With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 2));

        Assert.Equal(2, a.AdmitMany(5, _ => a.Call()));
        Assert.Equal(2, b.AdmitMany(2, _ => b.Call()));
        Assert.Empty(b.Findings);
    }

    [Fact]
    public void An_entry_added_by_hand_blocks_until_its_expiry_and_a_grace_period_keeps_the_rules_from_blocking_again()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 1));
        var now = rig.Time.GetUtcNow();
        var caller = new BlacklistKey(null, BlacklistSubject.Caller, "15550001");
        rig.Blacklist.Apply(new BlacklistEntryState(caller, BlacklistEntryKind.Block, now.AddSeconds(30), null), now);

        Assert.True(rig.Admit(rig.Call()).Refused);
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(rig.Extensions);
        rig.Blacklist.Apply(new BlacklistEntryState(caller, BlacklistEntryKind.Allow, rig.Time.GetUtcNow().AddSeconds(60), null), rig.Time.GetUtcNow());

        Assert.Equal(5, rig.AdmitMany(5, _ => rig.Call()));
        rig.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, rig.AdmitMany(3, _ => rig.Call()));
    }

    [Fact]
    public void Releasing_an_entry_and_resetting_counters_lets_the_caller_start_afresh()
    {
        var rig = new BlacklistRig().With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 2, windowSeconds: 600));
        rig.AdmitMany(3, _ => rig.Call());
        var entry = rig.Of(BlacklistEventKind.Blocked).Single().Key;

        rig.Blacklist.Remove(entry, BlacklistEntryKind.Block);
        rig.Blacklist.ResetCounters("15550001");

        Assert.Equal(2, rig.AdmitMany(3, _ => rig.Call()));
    }

    [Fact]
    public void A_full_counter_table_drops_closed_windows_first_and_then_leaves_new_subjects_uncounted()
    {
        var rig = new BlacklistRig(maxCounters: 2).With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 1, windowSeconds: 10));
        rig.AdmitMany(2, i => rig.Call(caller: $"c{i}"));

        Assert.Equal(3, rig.AdmitMany(3, _ => rig.Call(caller: "c9")));
        Assert.Equal(3, rig.Counters.Untracked);
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, rig.AdmitMany(3, _ => rig.Call(caller: "c9")));
        Assert.Equal(1, rig.Counters.CountFor("ten_a"));
    }

    [Fact]
    public void A_full_entry_table_still_refuses_the_call_that_crossed_but_keeps_no_entry()
    {
        var rig = new BlacklistRig(maxEntries: 1).With(BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 1));
        rig.AdmitMany(2, _ => rig.Call(caller: "c1"));

        rig.Admit(rig.Call(caller: "c2"));
        Assert.True(rig.Admit(rig.Call(caller: "c2")).Refused);

        Assert.Equal((1, 1L), (rig.Blacklist.EntryCount, rig.Blacklist.EntriesNotKept));
        Assert.Null(rig.Of(BlacklistEventKind.Blocked).Last().EntryId);
    }
}

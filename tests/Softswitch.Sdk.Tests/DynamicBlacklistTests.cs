using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The dynamic blacklist through the SDK: fraud rules with a back-test, entries, releases, events, counter resets.</summary>
public sealed class DynamicBlacklistTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_fraud_rule_round_trips_and_its_backtest_names_the_calls_it_would_have_refused()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Rules");
        using var client = app.Sdk(key);
        await app.StoreAsync(tenantId, [.. Enumerable.Range(0, 6).Select(i => Cdr($"attack-{i}", "15550001", $"88213{i:000}", Start.AddSeconds(i)))]);

        var created = await client.FraudRules.CreateAsync(new FraudRuleOptions
        {
            Name = "callers", Kind = FraudRuleKind.CallerFrequency, BlockingLevel = 3, WindowSeconds = 60, ExpireSeconds = 600, MonitorOnly = true,
        });
        var read = await client.FraudRules.GetAsync(created.Id);
        var listed = await client.FraudRules.ListAsync();
        var replaced = await client.FraudRules.UpdateAsync(created.Id, new FraudRuleOptions
        {
            Name = "callers", Kind = FraudRuleKind.CallerFrequency, WarningLevel = 2, BlockingLevel = 3, WindowSeconds = 60, ExpireSeconds = 600,
            MonitorOnly = true,
        });
        var backtest = await client.FraudRules.BacktestAsync(created.Id, new BacktestOptions { From = Start.AddMinutes(-1), To = Start.AddMinutes(1) });
        await client.FraudRules.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.FraudRules.GetAsync(created.Id));

        Assert.Equal((FraudRuleScope.Central, BlacklistSubject.Caller, true, 600), (read.Scope, read.CountBy, read.MonitorOnly, read.ExpireSeconds));
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(2, replaced.WarningLevel);
        Assert.Equal((6, 3, "attack-3", false), (backtest.CallsReplayed, backtest.CallsRefused, backtest.RefusedCallIds[0], backtest.Truncated));
        var block = Assert.Single(backtest.Findings, f => f.Kind == BlacklistEventKind.Blocked);
        Assert.Equal(("15550001", BlacklistSubject.Caller, Start.AddSeconds(3)), (block.Value, block.Subject, block.At));
        Assert.Contains("attack-3", block.EvidenceCallIds);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_number_blacklisted_by_hand_is_listed_released_into_a_grace_period_and_its_counters_reset()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Blacklist");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);

        var entry = await client.DynamicBlacklist.AddAsync(new DynamicBlacklistAddOptions
        {
            Subject = BlacklistSubject.Caller, Value = "15550001", ExpireSeconds = 3600, Note = "called 88213 all night",
        });
        var read = await client.DynamicBlacklist.GetAsync(entry.Id);
        var active = await client.DynamicBlacklist.ListAsync(new DynamicBlacklistListOptions { Value = "15550001", Subject = BlacklistSubject.Caller, Active = true });
        var hidden = await Assert.ThrowsAsync<SoftswitchApiException>(() => other.DynamicBlacklist.GetAsync(entry.Id));
        await client.DynamicBlacklist.ReleaseAsync(entry.Id, whitelistSeconds: 600);
        var released = await client.DynamicBlacklist.GetAsync(entry.Id);
        var grace = await client.DynamicBlacklist.ListAutoPagingAsync(new DynamicBlacklistListOptions { Value = "15550001", Active = true }).ToListAsync();
        await client.DynamicBlacklist.ResetCountersAsync(new CounterResetOptions { Value = "15550001" });
        var events = await client.DynamicBlacklist.ListEventsAutoPagingAsync(new DynamicBlacklistEventListOptions { Value = "15550001", Limit = 1 }).ToListAsync();
        var resets = await client.DynamicBlacklist.ListEventsAsync(new DynamicBlacklistEventListOptions
        {
            Kind = BlacklistEventKind.CountersReset, From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1),
        });

        Assert.Equal((BlacklistEntryKind.Block, "called 88213 all night", true), (read.Kind, read.Note, read.Active));
        Assert.Equal(entry.Id, Assert.Single(active.Data).Id);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.False(released.Active);
        Assert.NotNull(released.ReleasedAt);
        Assert.Equal(BlacklistEntryKind.Allow, Assert.Single(grace).Kind);
        Assert.Equal([BlacklistEventKind.Added, BlacklistEventKind.Released, BlacklistEventKind.CountersReset], events.Select(e => e.Kind));
        Assert.Equal(entry.Id, events[0].EntryId);
        Assert.Equal("15550001", Assert.Single(resets.Data).Value);
    }

    private static Domain.Cdr Cdr(string callId, string caller, string callee, DateTimeOffset setupAt) => new()
    {
        CallId = callId, AccountId = "acc_x", CallerReceived = caller, CalleeReceived = callee, SetupAt = setupAt.UtcDateTime,
        EndAt = setupAt.UtcDateTime.AddSeconds(30), FinalCode = 480, Q850Cause = 19, HangupSide = Domain.HangupSide.Callee,
    };
}

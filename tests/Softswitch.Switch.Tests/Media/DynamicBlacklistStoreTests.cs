using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Domain.Fraud;
using Softswitch.Media.Fraud;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Tests.Fraud;

namespace Softswitch.Switch.Tests.Media;

/// <summary>
/// The dynamic blacklist's adapters on a real SQLite file: the writer stores a block (entry and event) and a moved
/// expiry off the call path, and a switch that starts afresh reloads the rules and the active entries.
/// </summary>
public sealed class DynamicBlacklistStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_a_full_queue_cannot_take_are_counted_as_dropped()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var writer = new DynamicBlacklistWriter(database.Options, TimeProvider.System, NullLogger<DynamicBlacklistWriter>.Instance);
        var key = new BlacklistKey(null, BlacklistSubject.Caller, "15550001");

        for (var i = 0; i < DynamicBlacklistWriter.Capacity + 3; i++)
        {
            writer.Extended("ten_x", key, DateTimeOffset.UtcNow);
        }

        Assert.Equal(3, writer.Dropped);
    }

    [Fact]
    public async Task A_block_is_stored_with_its_evidence_and_a_restarted_switch_reloads_it_with_its_moved_expiry()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var tenantId = await TenantAsync(database);
        var ruleId = await RuleAsync(database, tenantId);
        var writer = new DynamicBlacklistWriter(database.Options, TimeProvider.System, NullLogger<DynamicBlacklistWriter>.Instance);
        await writer.StartAsync(Ct);
        var first = await RefreshedAsync(database, writer);
        var now = DateTimeOffset.UtcNow;
        var tenant = first.For(tenantId)!;
        for (var i = 0; i < 3; i++)
        {
            tenant.Admit(new CallFacts($"call-{i}", null, "acc_1", "15550001", "4420700001"), now);
        }

        tenant.Admit(new CallFacts("call-3", null, "acc_1", "15550001", "4420700001"), now.AddSeconds(30));
        for (var i = 0; i < 100 && writer.Stored < 2; i++)
        {
            await Task.Delay(50, Ct);
        }

        await writer.StopAsync(Ct);
        await using (var db = database.ForTenant(tenantId))
        {
            var entry = await db.DynamicBlacklistEntries.SingleAsync(Ct);
            Assert.Equal((ruleId, 3, 2, BlacklistSubject.Caller), (entry.RuleId, entry.Count, entry.Level, entry.Subject));
            Assert.Equal(["call-0", "call-1", "call-2"], entry.EvidenceCallIds);
            Assert.Equal(now.AddSeconds(90).UtcDateTime, entry.ExpiresAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal(BlacklistEventKind.Blocked, (await db.DynamicBlacklistEvents.SingleAsync(Ct)).Kind);
        }

        var restarted = await RefreshedAsync(database, writer);
        var caller = new BlacklistKey(null, BlacklistSubject.Caller, "15550001");
        Assert.True(restarted.For(tenantId)!.IsBlocked(caller, now.AddSeconds(89)));
        Assert.False(restarted.For(tenantId)!.IsBlocked(caller, now.AddSeconds(90)));
        Assert.Null(restarted.For("ten_other"));
    }

    private static async Task<DynamicBlacklist> RefreshedAsync(SqliteDatabase database, IBlacklistFindingSink sink)
    {
        var blacklist = new DynamicBlacklist(new DynamicBlacklistOptions(), new InProcessFraudCounterStore(1_000, TimeProvider.System), sink);
        await new DynamicBlacklistRefresher(database.Options, blacklist, TimeProvider.System, NullLogger<DynamicBlacklistRefresher>.Instance).RefreshAsync(Ct);
        return blacklist;
    }

    private static async Task<string> RuleAsync(SqliteDatabase database, string tenantId)
    {
        await using var db = database.ForTenant(tenantId);
        var rule = BlacklistRig.Rule(FraudRuleKind.CallerFrequency, blocking: 2, windowSeconds: 60, expireSeconds: 60);
        rule.Id = "";
        rule.TenantId = tenantId;
        db.FraudRules.Add(rule);
        await db.SaveChangesAsync(Ct);
        return rule.Id;
    }

    private static async Task<string> TenantAsync(SqliteDatabase database)
    {
        var tenant = new Tenant { Name = "alpha", SipDomain = "alpha.example.net", DefaultCurrency = "USD" };
        await using var platform = database.Platform();
        platform.Tenants.Add(tenant);
        await platform.SaveChangesAsync(Ct);
        return tenant.Id;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Media.Fraud;
using Softswitch.Switch.Fraud;
using Softswitch.Switch.Tests.Fraud;
using RaisedEvent = Softswitch.Switch.Fraud.SecurityEvent;

namespace Softswitch.Switch.Tests.Media;

/// <summary>
/// The switch's anti-fraud adapters on a real SQLite file: the writer stores what the guard raised (events, bans, a
/// suspended phone's status), and the refresher brings the control plane's lifts, trusted lists and feed bans back.
/// </summary>
public sealed class SecurityStoreTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.50");

    [Fact]
    public async Task Raised_events_are_stored_in_one_batch_with_their_ban_and_the_suspended_phone()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var phoneId = await PhoneAsync(database);
        var writer = new SecurityEventWriter(database.Options, TimeProvider.System, NullLogger<SecurityEventWriter>.Instance);
        var now = DateTimeOffset.UtcNow;
        await writer.StartAsync(TestContext.Current.CancellationToken);

        writer.Raise(new RaisedEvent(now, SecurityRules.Flood, SecurityAction.Ban, Attacker, 6, 5, TimeSpan.FromSeconds(2)) { BannedUntil = now.AddMinutes(5), Offence = 2 });
        writer.Raise(new RaisedEvent(now, SecurityRules.PhoneAuthFailures, SecurityAction.Suspend, Attacker, 4, 3, TimeSpan.FromHours(1), "REGISTER 1001@a")
        {
            TenantId = "ten_x", PhoneId = phoneId,
        });
        for (var i = 0; i < 100 && writer.Stored < 2; i++)
        {
            await Task.Delay(50);
        }

        await writer.StopAsync(TestContext.Current.CancellationToken);
        await using var db = database.Platform();
        Assert.Equal(2, await db.SecurityEvents.CountAsync());
        var ban = await db.IpBans.SingleAsync();
        Assert.Equal(("203.0.113.50", "flood", 6, 5, 2, 2), (ban.Address, ban.Rule, ban.Count, ban.Threshold, ban.WindowSeconds, ban.Offence));
        var phone = await db.Phones.IgnoreQueryFilters([Softswitch.Data.SoftswitchDbContext.TenantFilter]).SingleAsync();
        Assert.Equal((PhoneStatus.Suspended, 2L), (phone.Status, phone.Version));
    }

    [Fact]
    public async Task Events_a_full_queue_cannot_take_are_counted_as_dropped()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var writer = new SecurityEventWriter(database.Options, TimeProvider.System, NullLogger<SecurityEventWriter>.Instance);
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < SecurityEventWriter.Capacity + 3; i++)
        {
            writer.Raise(new RaisedEvent(now, SecurityRules.Flood, SecurityAction.Ban, Attacker, 6, 5, TimeSpan.FromSeconds(2)));
        }

        Assert.Equal(3, writer.Dropped);
    }

    [Fact]
    public async Task Events_raised_just_before_shutdown_are_stored_at_shutdown()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var writer = new SecurityEventWriter(database.Options, TimeProvider.System, NullLogger<SecurityEventWriter>.Instance);
        await writer.StartAsync(TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;

        writer.Raise(new RaisedEvent(now, SecurityRules.Scanner, SecurityAction.Ban, Attacker, 1, 0, TimeSpan.FromSeconds(5), "User-Agent: sipcli") { BannedUntil = now.AddMinutes(5) });
        await writer.StopAsync(TestContext.Current.CancellationToken);

        await using var db = database.Platform();
        Assert.Equal("User-Agent: sipcli", (await db.IpBans.SingleAsync()).Evidence);
    }

    [Fact]
    public async Task Lifts_trusted_blocks_and_feed_bans_reach_the_guard()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var rig = new GuardRig();
        var guard = rig.Guard;
        var tenantId = await TenantAsync(database);
        guard.Admit(Attacker);
        for (var i = 0; i < 10; i++)
        {
            guard.Admit(Attacker);
        }

        Assert.True(guard.IsBanned(Attacker));
        var now = DateTime.UtcNow;
        await using (var db = database.Platform())
        {
            db.IpBans.Add(new IpBan { Address = "198.51.100.77", Rule = IpBan.FeedRule, BannedAt = now, ExpiresAt = now.AddHours(1), Offence = 1 });
            db.IpBans.Add(new IpBan { Address = Attacker.ToString(), Rule = "flood", BannedAt = now, ExpiresAt = now.AddHours(1), LiftedAt = now.AddMinutes(1) });
            await db.SaveChangesAsync();
        }

        await using (var db = database.ForTenant(tenantId))
        {
            db.TrustedAddresses.Add(new TrustedAddress { Block = "192.0.2.0/24" });
            await db.SaveChangesAsync();
        }

        var refresher = new SecurityDirectivesRefresher(database.Options, guard, rig.Options, TimeProvider.System, NullLogger<SecurityDirectivesRefresher>.Instance);
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.False(guard.IsBanned(Attacker));
        Assert.True(guard.IsBanned(IPAddress.Parse("198.51.100.77")));
        var trusted = IPAddress.Parse("192.0.2.9");
        for (var i = 0; i < 20; i++)
        {
            Assert.True(guard.Admit(trusted));
        }
    }

    [Fact]
    public async Task Platform_rules_stored_through_the_api_reach_the_guard_and_deleting_them_restores_the_settings()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var rig = new GuardRig();
        var refresher = new SecurityDirectivesRefresher(database.Options, rig.Guard, rig.Options, TimeProvider.System, NullLogger<SecurityDirectivesRefresher>.Instance);
        var stored = SignallingRuleRows.FromOptions(rig.Options);
        stored.FloodRequests = 2;
        stored.MonitorRules = ["sweep"];
        await using (var db = database.Platform())
        {
            db.SignallingRuleSettings.Add(stored);
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var applied = (rig.Guard.Rules.FloodRequests, rig.Guard.Rules.MonitorRules, rig.Guard.Rules.MaxBans);
        await using (var db = database.Platform())
        {
            db.SignallingRuleSettings.Remove(await db.SignallingRuleSettings.SingleAsync());
            await db.SaveChangesAsync();
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2, "sweep", rig.Options.MaxBans), applied);
        Assert.Same(rig.Options, rig.Guard.Rules);
    }

    private static async Task<string> TenantAsync(SqliteDatabase database)
    {
        var tenant = new Tenant { Name = "alpha", SipDomain = "alpha.example.net", DefaultCurrency = "USD" };
        await using var platform = database.Platform();
        platform.Tenants.Add(tenant);
        await platform.SaveChangesAsync();
        return tenant.Id;
    }

    private static async Task<string> PhoneAsync(SqliteDatabase database)
    {
        var tenantId = await TenantAsync(database);
        await using var db = database.ForTenant(tenantId);
        var account = new Account { Name = "Client", Kind = AccountKind.Client, Currency = "USD" };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var phone = new Phone { AccountId = account.Id, Username = "1001" };
        phone.SetPassword("alpha.example.net", "secret");
        db.Phones.Add(phone);
        await db.SaveChangesAsync();
        return phone.Id;
    }
}

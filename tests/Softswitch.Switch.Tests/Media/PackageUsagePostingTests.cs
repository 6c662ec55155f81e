using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Domain.Billing;
using Softswitch.Media.Billing;
using Softswitch.Media.Cdrs;
using Softswitch.Switch.Billing;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Media;

/// <summary>Package usage reaches the subscription's period total with its CDRs, once, and the switch's allowances learn it.</summary>
public sealed class PackageUsagePostingTests
{
    private static readonly Tariff PerMinute = new("44", 1.20m, 60, 60, 0m, 4);
    private static readonly DateTime PeriodStart = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_adds_its_usage_once_and_a_spool_replay_adds_nothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (tenant, account, subscription) = await SeedAsync(database, freeSeconds: 200);
        var allowances = new PackageAllowances();
        await Refresher(database, allowances).RefreshAsync(Ct);
        Assert.Equal(200, allowances.Pool(subscription)!.RemainingSeconds);
        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance, new AccountBudgets(), allowances);

        // Two answered minutes on free seconds, and one interrupted call (recovered from the journal) with a minute granted.
        var grant = new PackageGrant([new PackageShare(subscription, PeriodStart, 60, 0m)]);
        var batch = Enumerable.Range(1, 2).Select(n => Final(n, tenant) with { AccountId = account, Rate = PerMinute, Packages = grant })
            .Append(Answered(3, tenant).AsInterrupted() with { AccountId = account, Rate = PerMinute, Packages = grant, EndAt = Setup.AddSeconds(35) })
            .ToList();

        await store.StoreAsync(batch, Ct);
        await store.StoreAsync(batch, Ct);

        await using var db = database.ForTenant(tenant);
        var usage = await db.PackageUsages.SingleAsync(Ct);
        Assert.Equal((subscription, PeriodStart, 180L, 0m, 3), (usage.SubscriptionId, usage.PeriodStart, usage.UsedSeconds, usage.UsedAmount, usage.CallCount));
        var cdrs = await db.Cdrs.OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.All(cdrs, c => Assert.Equal((60, 0m, 0m), (c.PackageSeconds, c.PackageAmount, c.Charge)));
        Assert.False(await db.LedgerEntries.AnyAsync(e => e.Kind == LedgerEntryKind.CallCharges, Ct));
        Assert.Equal(20, allowances.Pool(subscription)!.RemainingSeconds);

        // Another switch process reads the same totals.
        var restarted = new PackageAllowances();
        await Refresher(database, restarted).RefreshAsync(Ct);
        Assert.Equal(20, restarted.Pool(subscription)!.RemainingSeconds);
    }

    private static PackageAllowanceRefresher Refresher(SqliteDatabase database, PackageAllowances allowances) =>
        new(database.Options, allowances, TimeProvider.System, NullLogger<PackageAllowanceRefresher>.Instance);

    private static async Task<(string Tenant, string Account, string Subscription)> SeedAsync(SqliteDatabase database, int freeSeconds)
    {
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync(Ct);
        }

        await using var db = database.ForTenant(tenant.Id);
        var account = new Account { Name = "a", Kind = AccountKind.Client, Currency = "USD" };
        var package = new Package { Name = "p", Currency = "USD", FreeSeconds = freeSeconds, EffectiveFrom = PeriodStart };
        db.AddRange(account, package);
        await db.SaveChangesAsync(Ct);
        var subscription = new Subscription
        {
            AccountId = account.Id, PackageId = package.Id, StartsAt = PeriodStart, Status = SubscriptionStatus.Active, PeriodsPaid = 1, PaidThrough = PeriodStart.AddMonths(1),
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(Ct);
        return (tenant.Id, account.Id, subscription.Id);
    }
}

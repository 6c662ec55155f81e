using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Domain;
using Softswitch.Domain.Billing;
using Softswitch.Media.Cdrs;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Config;
using static Softswitch.Switch.Tests.Builders.Cdrs;

namespace Softswitch.Switch.Tests.Media;

/// <summary>Call charges reach the account's ledger with their CDRs, once, and the switch's budget learns the new balance.</summary>
public sealed class CallChargePostingTests
{
    private static readonly Tariff PerMinute = new("44", 1.20m, 60, 60, 0m, 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_posts_one_ledger_entry_per_account_and_a_replay_posts_nothing()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var (tenant, account) = await SeedAsync(database, balance: 10m);
        var budgets = new AccountBudgets();
        Assert.True(budgets.TryReserve(Entry(tenant, account, 10m, 1), 1.20m, 3.60m, out var reserved));
        budgets.Close(account, reserved, 3.60m);
        var store = new DatabaseCdrStore(database.Options, TimeProvider.System, NullLogger<DatabaseCdrStore>.Instance, budgets);
        // Three answered minutes (a 60 s call bills 60 s) and one unanswered call, which costs nothing.
        var batch = Enumerable.Range(1, 3).Select(n => Final(n, tenant) with { AccountId = account, Rate = PerMinute })
            .Append(InProgress(4, tenant).AsInterrupted() with { AccountId = account, Rate = PerMinute })
            .ToList();

        await store.StoreAsync(batch, Ct);
        await store.StoreAsync(batch, Ct);

        await using var db = database.ForTenant(tenant);
        var entries = await db.LedgerEntries.Where(e => e.AccountId == account).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(
            [(1L, LedgerEntryKind.Opening, 10m, 10m, 0), (2L, LedgerEntryKind.CallCharges, -3.60m, 6.40m, 3)],
            entries.Select(e => (e.Sequence, e.Kind, e.Amount, e.BalanceAfter, e.CallCount)));
        var stored = await db.Accounts.SingleAsync(a => a.Id == account, Ct);
        Assert.Equal((6.40m, 2L), (stored.Balance, stored.LedgerSequence));
        Assert.Equal(entries.Sum(e => e.Amount), stored.Balance);
        Assert.Equal([1.20m, 1.20m, 1.20m, 0m], (await db.Cdrs.OrderBy(c => c.Id).ToListAsync(Ct)).Select(c => c.Charge ?? -1m));
        Assert.Equal(6.40m, budgets.Available(account));
    }

    private static AccountEntry Entry(string tenant, string account, decimal balance, long sequence) =>
        new(account, tenant, "a", AccountKind.Client, balance, []) { LedgerSequence = sequence };

    private static async Task<(string Tenant, string Account)> SeedAsync(SqliteDatabase database, decimal balance)
    {
        var tenant = new Tenant { Name = "t", SipDomain = "t.example.net", DefaultCurrency = "USD" };
        await using (var platform = database.Platform())
        {
            platform.Tenants.Add(tenant);
            await platform.SaveChangesAsync(Ct);
        }

        await using var db = database.ForTenant(tenant.Id);
        var account = new Account { Name = "a", Kind = AccountKind.Client, Currency = "USD", Balance = balance, LedgerSequence = 1 };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);
        db.LedgerEntries.Add(new LedgerEntry
        {
            AccountId = account.Id, Sequence = 1, Kind = LedgerEntryKind.Opening, Amount = balance, BalanceAfter = balance, Actor = "test",
        });
        await db.SaveChangesAsync(Ct);
        return (tenant.Id, account.Id);
    }
}

using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>Transactions</c>: the account ledger through the SDK.</summary>
public sealed class LedgerTests
{
    [Fact]
    public async Task A_top_up_is_posted_read_and_listed_by_kind()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Ledger");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD", Balance = 5m });

        var topUp = await client.Transactions.CreateAsync(account.Id, new LedgerEntryCreateOptions
        {
            Kind = LedgerEntryKind.TopUp, Amount = 20.5m, Reference = "INV-1", Description = "wire",
        });
        var read = await client.Transactions.GetAsync(account.Id, topUp.Id);
        var topUps = await client.Transactions.ListAsync(account.Id, new LedgerEntryListOptions { Kind = LedgerEntryKind.TopUp });
        var all = await client.Transactions.ListAutoPagingAsync(account.Id, new LedgerEntryListOptions { Limit = 1 }).ToListAsync();

        Assert.Equal((LedgerEntryKind.TopUp, 20.5m, 25.5m, "INV-1"), (read.Kind, read.Amount, read.BalanceAfter, read.Reference));
        Assert.Equal(topUp.Id, Assert.Single(topUps.Data).Id);
        Assert.Equal([LedgerEntryKind.Opening, LedgerEntryKind.TopUp], all.Select(e => e.Kind));
        Assert.Equal(25.5m, (await client.Accounts.GetAsync(account.Id)).Balance);
    }
}

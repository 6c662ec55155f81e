using Softswitch.Domain;
using Softswitch.Switch.Billing;
using Softswitch.Switch.Config;

namespace Softswitch.Switch.Tests.Billing;

public sealed class AccountBudgetsTests
{
    [Fact]
    public async Task Concurrent_reservations_never_together_pass_balance_plus_credit()
    {
        var budgets = new AccountBudgets();
        var account = Account(balance: 7m, credit: 3m, sequence: 1);
        var granted = new decimal[8];

        await Task.WhenAll(Enumerable.Range(0, granted.Length).Select(i => Task.Run(() =>
        {
            for (var call = 0; call < 1_000; call++)
            {
                if (budgets.TryReserve(account, 0.01m, 0.05m, out var amount))
                {
                    granted[i] += amount;
                }
            }
        })));

        Assert.Equal(10m, granted.Sum());
        Assert.Equal(0m, budgets.Available(account.Id));
    }

    [Fact]
    public void Ended_calls_count_until_the_database_posts_them_and_an_older_balance_never_replaces_a_newer_one()
    {
        var budgets = new AccountBudgets();
        var account = Account(balance: 10m, credit: 0m, sequence: 4);
        Assert.True(budgets.TryReserve(account, 1m, 3m, out var reserved));
        budgets.Close(account.Id, reserved, charge: 2m);
        Assert.Equal(8m, budgets.Available(account.Id));

        budgets.Settle(account.Id, charged: 2m, balanceAfter: 8m, sequence: 5);
        Assert.Equal(8m, budgets.Available(account.Id));

        // A snapshot read before the charges were posted still says 10 at sequence 4.
        Assert.True(budgets.TryReserve(account, 1m, 1m, out _));
        Assert.Equal(7m, budgets.Available(account.Id));
    }

    private static AccountEntry Account(decimal balance, decimal credit, long sequence) =>
        new("acc_a", "ten_a", "a", AccountKind.Client, balance + credit, []) { CreditLimit = credit, LedgerSequence = sequence };
}

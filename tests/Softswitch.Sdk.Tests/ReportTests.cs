using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

public sealed class ReportTests
{
    [Fact]
    public async Task Balance_history_reads_closing_balances_of_one_account_or_per_currency()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Reports");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "EUR", Balance = 25m });

        var hourly = await client.Reports.BalanceHistoryAsync(account.Id);
        var daily = await client.Reports.BalanceHistoryAsync(interval: "day");
        var invalid = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Reports.BalanceHistoryAsync(
            from: new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.Zero), to: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(("hour", account.Id, 7 * 24), (hourly.Interval, hourly.AccountId, hourly.Data.Count));
        Assert.Equal((25m, 1, "EUR"), (hourly.Data[^1].ClosingBalance, hourly.Data[^1].Accounts, hourly.Data[^1].Currency));
        Assert.Equal(("day", (string?)null), (daily.Interval, daily.AccountId));
        Assert.Equal(25m, daily.Data[^1].ClosingBalance);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("from", invalid.Errors.Keys);
    }
}

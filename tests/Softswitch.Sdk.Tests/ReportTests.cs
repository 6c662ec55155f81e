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

    [Fact]
    public async Task Every_traffic_report_reads_the_rollups_as_json_and_csv()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Traffic");
        using var client = app.Sdk(key);
        var customer = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD" });
        var vendor = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Carrier", Kind = AccountKind.Vendor, Currency = "USD" });
        var trunk = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions { AccountId = vendor.Id, Name = "carrier", Host = "192.0.2.10" });
        await SwitchRecords.InsertAnsweredCdrAsync(app, tenantId, customer.Id, trunk.Id, "442071234567", SwitchRecords.Noon.AddSeconds(30), 1.20m);
        await SwitchRecords.FoldRollupsAsync(app, tenantId);
        var (from, to) = (new DateTimeOffset(SwitchRecords.Noon.Date), new DateTimeOffset(SwitchRecords.Noon.Date.AddDays(1)));

        var mapping = await client.Reports.MappingGatewaysAsync(from, to);
        var routing = await client.Reports.RoutingGatewaysAsync(from, to);
        var failures = await client.Reports.FailureCodesAsync(from, to);
        var refusals = await client.Reports.RefusalRulesAsync(from, to);
        var daily = await client.Reports.DailyAsync(customer.Id, from, to);
        var hourly = await client.Reports.HourlyAsync(null, from, to);
        var destinations = await client.Reports.DestinationsAsync(from, to);
        var areas = await client.Reports.GatewayAreasAsync("routing", from, to);
        string[] csv =
        [
            await client.Reports.MappingGatewaysCsvAsync(from, to), await client.Reports.RoutingGatewaysCsvAsync(from, to),
            await client.Reports.FailureCodesCsvAsync(from, to), await client.Reports.RefusalRulesCsvAsync(from, to),
            await client.Reports.DailyCsvAsync(customer.Id, from, to), await client.Reports.HourlyCsvAsync(null, from, to),
            await client.Reports.DestinationsCsvAsync(from, to), await client.Reports.GatewayAreasCsvAsync("mapping", from, to),
            await client.Reports.BalanceHistoryCsvAsync(customer.Id),
        ];
        var badSide = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Reports.GatewayAreasCsvAsync("sideways", from, to));

        Assert.Equal((from, to), (daily.From, daily.To));
        Assert.NotNull(daily.CountedThrough);
        Assert.Equal(1, Assert.Single(mapping.Data).Figures.Calls);
        Assert.Equal(trunk.Id, Assert.Single(routing.Data).RoutingGatewayId);
        Assert.Empty(failures.Data);
        Assert.Empty(refusals.Data);
        Assert.Equal((new DateTimeOffset(SwitchRecords.Noon.Date), 1L, 1.20m), (Assert.Single(daily.Data).Start, daily.Data[0].Figures.Answered, daily.Data[0].Figures.Charge));
        Assert.Equal(new DateTimeOffset(SwitchRecords.Noon), Assert.Single(hourly.Data).Start);
        Assert.Equal("GB", Assert.Single(destinations.Data).Country);
        Assert.Equal((trunk.Id, "GB"), (Assert.Single(areas.Data).GatewayId, areas.Data[0].Country));
        Assert.All(csv, text => Assert.Contains(',', text));
        Assert.Contains(trunk.Id, csv[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSide.StatusCode);
        Assert.Contains("side", badSide.Errors.Keys);
    }
}

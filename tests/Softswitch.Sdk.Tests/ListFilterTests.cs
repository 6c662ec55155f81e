using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The list filters of the core resources, sent by the SDK and applied by the real API.</summary>
public sealed class ListFilterTests
{
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Accounts_phones_gateways_and_routes_are_filtered_by_account_status_name_prefix_and_group()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Filters");
        var (_, otherKey) = await app.CreateTenantAsync("Other");
        using var client = app.Sdk(key);
        using var other = app.Sdk(otherKey);
        var customer = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Customer", Kind = AccountKind.Client, Currency = "USD" });
        var vendor = await client.Accounts.CreateAsync(new AccountCreateOptions
        {
            Name = "Vendor", Kind = AccountKind.Vendor, Currency = "USD", Status = AccountStatus.Suspended,
        });
        var desk = await client.Phones.CreateAsync(new PhoneOptions { AccountId = customer.Id, Username = "1001", Password = "s3cret-pass" });
        var spare = await client.Phones.CreateAsync(new PhoneOptions
        {
            AccountId = customer.Id, Username = "1002", Password = "s3cret-pass", Status = PhoneStatus.Disabled,
        });
        var ingress = await client.MappingGateways.CreateAsync(new MappingGatewayOptions
        {
            AccountId = customer.Id, Name = "ingress-a", SourceAddresses = ["198.51.100.7"],
        });
        var parked = await client.MappingGateways.CreateAsync(new MappingGatewayOptions
        {
            AccountId = customer.Id, Name = "parked", SourceAddresses = ["198.51.100.8"], Status = GatewayStatus.Disabled,
        });
        var egress = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions { AccountId = vendor.Id, Name = "egress-1", Host = "192.0.2.10" });
        var backup = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions
        {
            AccountId = vendor.Id, Name = "backup", Host = "192.0.2.11", Status = GatewayStatus.Disabled,
        });
        var uk = await client.Routes.CreateAsync(new RouteOptions { Name = "UK", Prefix = "44", RoutingGatewayIds = [egress.Id] });
        var france = await client.Routes.CreateAsync(new RouteOptions
        {
            Name = "FR", Prefix = "33", RoutingGatewayIds = [egress.Id, backup.Id], Status = GatewayStatus.Disabled,
        });
        var satellite = await client.NumberGroups.CreateAsync(new NumberGroupOptions { Name = "Satellite", Prefixes = ["8816", "8817"] });
        var grouped = await client.Routes.CreateAsync(new RouteOptions
        {
            Name = "Satellite", Prefix = "00", RoutingGatewayIds = [egress.Id], CalleeGroupId = satellite.Id,
        });

        Assert.Equal([vendor.Id], await IdsAsync(client.Accounts.ListAsync(new AccountListOptions { Kind = AccountKind.Vendor })));
        Assert.Equal([vendor.Id], await IdsAsync(client.Accounts.ListAsync(new AccountListOptions { Status = AccountStatus.Suspended })));
        Assert.Equal([customer.Id], await IdsAsync(client.Accounts.ListAsync(new AccountListOptions { Kind = AccountKind.Client, Name = "Cust" })));
        Assert.Equal(2, (await IdsAsync(client.Phones.ListAsync(new PhoneListOptions { AccountId = customer.Id }))).Count);
        Assert.Equal([spare.Id], await IdsAsync(client.Phones.ListAsync(new PhoneListOptions { Status = PhoneStatus.Disabled })));
        Assert.Equal([desk.Id], await IdsAsync(client.Phones.ListAsync(new PhoneListOptions { Username = "1001" })));
        Assert.Equal([ingress.Id], await IdsAsync(client.MappingGateways.ListAsync(new GatewayListOptions { Name = "ingress" })));
        Assert.Equal([parked.Id], await IdsAsync(client.MappingGateways.ListAsync(new GatewayListOptions { AccountId = customer.Id, Status = GatewayStatus.Disabled })));
        Assert.Empty(await IdsAsync(client.MappingGateways.ListAsync(new GatewayListOptions { AccountId = vendor.Id })));
        Assert.Equal([backup.Id], await IdsAsync(client.RoutingGateways.ListAsync(new GatewayListOptions { Status = GatewayStatus.Disabled })));
        Assert.Equal([egress.Id], await IdsAsync(client.RoutingGateways.ListAsync(new GatewayListOptions { AccountId = vendor.Id, Name = "egr" })));
        Assert.Equal([uk.Id], await IdsAsync(client.Routes.ListAsync(new RouteListOptions { Prefix = "44" })));
        Assert.Equal([grouped.Id], await IdsAsync(client.Routes.ListAsync(new RouteListOptions { CalleeGroupId = satellite.Id })));
        Assert.Equal(satellite.Id, (await client.Routes.GetAsync(grouped.Id)).CalleeGroupId);
        Assert.Equal([france.Id], await IdsAsync(client.Routes.ListAsync(new RouteListOptions { RoutingGatewayId = backup.Id })));
        Assert.Equal([france.Id], await IdsAsync(client.Routes.ListAsync(new RouteListOptions { Status = GatewayStatus.Disabled })));
        Assert.Empty(await IdsAsync(other.Phones.ListAsync(new PhoneListOptions { AccountId = customer.Id })));
        Assert.Empty(await IdsAsync(other.Routes.ListAsync(new RouteListOptions { RoutingGatewayId = backup.Id })));
    }

    [Fact]
    public async Task Rate_tables_rates_tenants_and_api_keys_are_filtered()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Rates");
        using var client = app.Sdk(key);
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        var retail = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });
        var wholesale = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Wholesale", Currency = "EUR" });
        var uk = await CreateRateAsync(client, retail.Id, "44", NewYear, NewYear.AddMonths(5));
        var mobile = await CreateRateAsync(client, retail.Id, "447", NewYear, null);
        var later = await CreateRateAsync(client, retail.Id, "4420", NewYear.AddMonths(6), null);
        var france = await CreateRateAsync(client, retail.Id, "33", NewYear, null);
        var suspended = await platform.Tenants.CreateAsync(new TenantOptions
        {
            Name = "Dormant", SipDomain = "dormant.example.net", DefaultCurrency = "USD", Status = TenantStatus.Suspended,
        });
        var spare = await client.ApiKeys.CreateAsync(tenantId, new ApiKeyCreateOptions { Name = "spare", Scopes = ["read"] });
        await client.ApiKeys.RevokeAsync(tenantId, spare.Id);

        Assert.Equal([retail.Id], await IdsAsync(client.RateTables.ListAsync(new RateTableListOptions { Name = "Ret" })));
        Assert.Equal([wholesale.Id], await IdsAsync(client.RateTables.ListAsync(new RateTableListOptions { Currency = "EUR" })));
        Assert.Equal([uk.Id], await IdsAsync(client.Rates.ListAsync(retail.Id, new RateListOptions { Prefix = "44" })));
        Assert.Equal(
            new[] { uk.Id, mobile.Id, later.Id }.Order(StringComparer.Ordinal),
            (await IdsAsync(client.Rates.ListAsync(retail.Id, new RateListOptions { PrefixStartsWith = "44" }))).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { uk.Id, mobile.Id, france.Id }.Order(StringComparer.Ordinal),
            (await IdsAsync(client.Rates.ListAsync(retail.Id, new RateListOptions { EffectiveAt = NewYear.AddMonths(2) }))).Order(StringComparer.Ordinal));
        Assert.Equal([suspended.Id], await IdsAsync(platform.Tenants.ListAsync(new TenantListOptions { Status = TenantStatus.Suspended })));
        Assert.Equal([suspended.Id], await IdsAsync(platform.Tenants.ListAsync(new TenantListOptions { SipDomain = "DORMANT.example.net" })));
        Assert.Empty(await IdsAsync(client.Tenants.ListAsync(new TenantListOptions { Status = TenantStatus.Suspended })));
        Assert.Equal([spare.Id], await IdsAsync(client.ApiKeys.ListAsync(tenantId, new ApiKeyListOptions { Revoked = true })));
        Assert.DoesNotContain(spare.Id, await IdsAsync(client.ApiKeys.ListAsync(tenantId, new ApiKeyListOptions { Revoked = false })));
    }

    private static Task<Rate> CreateRateAsync(SoftswitchClient client, string rateTableId, string prefix, DateTimeOffset from, DateTimeOffset? to) =>
        client.Rates.CreateAsync(rateTableId, new RateOptions { Prefix = prefix, PricePerMinute = 0.01m, EffectiveFrom = from, EffectiveTo = to });

    private static async Task<List<string>> IdsAsync<T>(Task<Page<T>> page) =>
        [.. (await page).Data.Select(row => (string)typeof(T).GetProperty("Id")!.GetValue(row)!)];
}

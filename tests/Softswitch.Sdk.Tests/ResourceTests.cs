using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

public sealed class ResourceTests
{
    [Fact]
    public async Task Account_create_get_list_replace_delete_round_trip()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Crud");
        using var client = app.Sdk(key);

        var created = await client.Accounts.CreateAsync(new AccountCreateOptions
        {
            Name = "Acme Telecom", Kind = AccountKind.Client, Currency = "USD", CreditLimit = 100.5m, AccessIps = ["203.0.113.0/24"],
        });
        var read = await client.Accounts.GetAsync(created.Id);
        var listed = await client.Accounts.ListAsync(new AccountListOptions { Currency = "USD" });
        var replaced = await client.Accounts.UpdateAsync(created.Id, new AccountUpdateOptions
        {
            Name = "Acme Telecom Ltd", CreditLimit = 50m, Status = AccountStatus.Suspended,
        });
        await client.Accounts.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Accounts.GetAsync(created.Id));

        Assert.Equal("Acme Telecom", read.Name);
        Assert.Equal(100.5m, read.CreditLimit);
        Assert.Equal(["203.0.113.0/24"], read.AccessIps);
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.False(listed.HasMore);
        Assert.Equal(AccountStatus.Suspended, replaced.Status);
        Assert.Equal("Acme Telecom Ltd", replaced.Name);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Every_resource_service_creates_and_reads_its_resource()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Services");
        using var client = app.Sdk(key);

        var rateTable = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "Retail", Currency = "USD" });
        var rate = await client.Rates.CreateAsync(rateTable.Id, new RateOptions
        {
            Prefix = "44", PricePerMinute = 0.0123m, EffectiveFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var customer = await client.Accounts.CreateAsync(new AccountCreateOptions
        {
            Name = "Customer", Kind = AccountKind.Client, Currency = "USD", RateTableId = rateTable.Id,
        });
        var vendor = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Vendor", Kind = AccountKind.Vendor, Currency = "USD" });
        var phone = await client.Phones.CreateAsync(new PhoneOptions { AccountId = customer.Id, Username = "1001", Password = "s3cret-pass" });
        var trunk = await client.MappingGateways.CreateAsync(new MappingGatewayOptions
        {
            AccountId = customer.Id, Name = "ingress", SourceAddresses = ["198.51.100.7"], TechPrefix = "77",
            CalleeRewriteRules = [new RewriteRule { MatchPrefix = "0", Replacement = "44" }],
        });
        var vendorGateway = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions
        {
            AccountId = vendor.Id, Name = "egress", Host = "192.0.2.10", Port = 5060, Transport = SipTransport.Udp,
        });
        var route = await client.Routes.CreateAsync(new RouteOptions { Name = "UK", Prefix = "44", RoutingGatewayIds = [vendorGateway.Id] });
        var secondKey = await client.ApiKeys.CreateAsync(tenantId, new ApiKeyCreateOptions { Name = "read-only", Scopes = ["read"] });

        Assert.Equal(0.0123m, (await client.Rates.GetAsync(rateTable.Id, rate.Id)).PricePerMinute);
        Assert.Equal("1001", (await client.Phones.GetAsync(phone.Id)).Username);
        Assert.Equal("44", Assert.Single((await client.MappingGateways.GetAsync(trunk.Id)).CalleeRewriteRules).Replacement);
        Assert.Equal(5060, (await client.RoutingGateways.GetAsync(vendorGateway.Id)).Port);
        Assert.Equal([vendorGateway.Id], (await client.Routes.GetAsync(route.Id)).RoutingGatewayIds);
        Assert.StartsWith("ssk_live_", secondKey.Key);
        Assert.Equal(["read"], (await client.ApiKeys.GetAsync(tenantId, secondKey.Id)).Scopes);
        Assert.Empty((await client.Cdrs.ListAsync(new CdrListOptions { AccountId = customer.Id })).Data);
        await client.ApiKeys.RevokeAsync(tenantId, secondKey.Id);
        Assert.NotNull((await client.ApiKeys.GetAsync(tenantId, secondKey.Id)).RevokedAt);
    }

    [Fact]
    public async Task The_platform_key_acts_on_the_tenant_named_in_the_request_options()
    {
        await using var app = new SdkTestApplication();
        var (tenantId, key) = await app.CreateTenantAsync("Reseller");
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        using var tenant = app.Sdk(key);

        var made = await platform.Accounts.CreateAsync(
            new AccountCreateOptions { Name = "Made by the platform", Kind = AccountKind.Client, Currency = "EUR" },
            new RequestOptions { Tenant = tenantId });

        Assert.Equal(made.Id, Assert.Single((await tenant.Accounts.ListAsync()).Data).Id);
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Etags");
        using var client = app.Sdk(key);
        var table = await client.RateTables.CreateAsync(new RateTableCreateOptions { Name = "T", Currency = "USD" });
        await client.RateTables.UpdateAsync(table.Id, new RateTableUpdateOptions { Name = "T2" });

        var stale = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.RateTables.UpdateAsync(
            table.Id, new RateTableUpdateOptions { Name = "T3" }, new RequestOptions { IfMatch = $"\"{table.Version}\"" }));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }
}

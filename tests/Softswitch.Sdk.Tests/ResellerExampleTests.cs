using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary>The README's reseller example, run against the real API (only the clients' construction differs).</summary>
public sealed class ResellerExampleTests
{
    [Fact]
    public async Task The_reseller_example_provisions_a_customer_to_a_vendor_and_reads_its_cdrs()
    {
        await using var app = new SdkTestApplication();
        var printed = new List<string>();

        // The platform admin signs up a reseller and gives it a key of its own.
        using var platform = app.Sdk(SdkTestApplication.PlatformKey);
        var reseller = await platform.Tenants.CreateAsync(new TenantOptions { Name = "Reseller One", SipDomain = "r1.example.net", DefaultCurrency = "EUR" });
        var key = await platform.ApiKeys.CreateAsync(reseller.Id, new ApiKeyCreateOptions { Name = "integration", Scopes = ["admin"] });

        // The reseller provisions a customer trunk and a vendor route with that key.
        using var client = app.Sdk(key.Key!);
        var customer = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "EUR", CreditLimit = 50 });
        var vendor = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Carrier X", Kind = AccountKind.Vendor, Currency = "EUR" });
        await client.MappingGateways.CreateAsync(new MappingGatewayOptions { AccountId = customer.Id, Name = "acme-pbx", SourceAddresses = ["203.0.113.10"] });
        var egress = await client.RoutingGateways.CreateAsync(new RoutingGatewayOptions { AccountId = vendor.Id, Name = "carrier-x", Host = "198.51.100.20" });
        await client.Routes.CreateAsync(new RouteOptions { Name = "UK", Prefix = "44", RoutingGatewayIds = [egress.Id] });

        // Every CDR of the customer, page after page.
        await foreach (var cdr in client.Cdrs.ListAutoPagingAsync(new CdrListOptions { AccountId = customer.Id }))
        {
            printed.Add($"{cdr.CalleeReceived} {cdr.FinalCode} {cdr.DurationMilliseconds / 1000} s");
        }

        Assert.Empty(printed);
        Assert.Equal("r1.example.net", reseller.SipDomain);
        Assert.Single((await client.Routes.ListAsync()).Data);
        Assert.Equal(reseller.Id, Assert.Single((await client.Tenants.ListAsync()).Data).Id);
    }
}

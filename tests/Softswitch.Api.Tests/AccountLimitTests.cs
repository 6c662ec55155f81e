using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>Issue 8 §5: the account's concurrent-call cap, call rate and maximum duration, and the trunk's call rate.</summary>
public sealed class AccountLimitTests
{
    [Fact]
    public async Task Account_limits_are_stored_replaced_and_cleared_and_another_tenant_cannot_touch_them()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        using var other = await app.CreateTenantAsync("o");
        var id = await tenant.Client.CreateAsync("/v1/accounts", new
        {
            name = "Acme", kind = "client", currency = "USD", max_concurrent_calls = 30, max_calls_per_second = 5, max_call_duration_seconds = 3600,
        });

        var created = await (await tenant.Client.GetAsync($"/v1/accounts/{id}")).ReadObjectAsync();
        using var replaced = await tenant.Client.PutJsonAsync($"/v1/accounts/{id}", new { name = "Acme", credit_limit = 0m, status = "active", max_calls_per_second = 8 });
        var current = await replaced.ReadObjectAsync();
        using var foreign = await other.Client.PutJsonAsync($"/v1/accounts/{id}", new { name = "Mine", credit_limit = 0m, status = "active", max_concurrent_calls = 1 });

        Assert.Equal((30, 5, 3600), (created["max_concurrent_calls"]!.GetValue<int>(), created["max_calls_per_second"]!.GetValue<int>(), created["max_call_duration_seconds"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(8, current["max_calls_per_second"]!.GetValue<int>());
        Assert.Null(current["max_concurrent_calls"]);
        Assert.Null(current["max_call_duration_seconds"]);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var after = await (await tenant.Client.GetAsync($"/v1/accounts/{id}")).ReadObjectAsync();
        Assert.Equal("Acme", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trunk_call_rate_is_stored_and_an_impossible_one_is_a_field_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });

        var id = await tenant.Client.CreateAsync("/v1/mapping-gateways", new { account_id = account, name = "pbx", source_addresses = new[] { "198.51.100.7" }, max_calls_per_second = 20 });
        using var bad = await tenant.Client.PostJsonAsync("/v1/mapping-gateways", new { account_id = account, name = "pbx2", source_addresses = new[] { "198.51.100.8" }, max_calls_per_second = 0 });

        var gateway = await (await tenant.Client.GetAsync($"/v1/mapping-gateways/{id}")).ReadObjectAsync();
        Assert.Equal(20, gateway["max_calls_per_second"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadObjectAsync())["errors"]?["max_calls_per_second"]);
    }

    [Fact]
    public async Task A_vendor_call_rate_is_stored_and_an_impossible_one_is_a_field_error()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Carrier", kind = "vendor", currency = "USD" });

        var id = await tenant.Client.CreateAsync("/v1/routing-gateways", new { account_id = account, name = "carrier", host = "203.0.113.5", max_calls_per_second = 50 });
        using var bad = await tenant.Client.PostJsonAsync("/v1/routing-gateways", new { account_id = account, name = "carrier2", host = "203.0.113.6", max_calls_per_second = 20_000 });

        var gateway = await (await tenant.Client.GetAsync($"/v1/routing-gateways/{id}")).ReadObjectAsync();
        Assert.Equal(50, gateway["max_calls_per_second"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadObjectAsync())["errors"]?["max_calls_per_second"]);
    }
}

using System.Net;
using Softswitch.Api.Tests.Infrastructure;

namespace Softswitch.Api.Tests;

/// <summary>Issue 9 §2: the account ledger. The balance moves only by entries, and is always their sum.</summary>
public sealed class LedgerApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Top_ups_refunds_and_adjustments_move_the_balance_and_the_balance_is_the_ledgers_sum()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 50m });

        var topUp = await (await tenant.Client.PostJsonAsync($"/v1/accounts/{account}/transactions", new { kind = "top_up", amount = 25m, reference = "inv-7" })).ReadObjectAsync();
        using var adjusted = await tenant.Client.PostJsonAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -5.5m, description = "goodwill reversal" });
        using var refunded = await tenant.Client.PostJsonAsync($"/v1/accounts/{account}/transactions", new { kind = "refund", amount = 0.5m });
        var ledger = (await (await tenant.Client.GetAsync($"/v1/accounts/{account}/transactions", Ct)).ReadObjectAsync())["data"]!.AsArray();
        var read = await (await tenant.Client.GetAsync($"/v1/accounts/{account}", Ct)).ReadObjectAsync();

        Assert.Equal((2L, 75m, "inv-7"), (topUp["sequence"]!.GetValue<long>(), topUp["balance_after"]!.GetValue<decimal>(), topUp["reference"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (adjusted.StatusCode, refunded.StatusCode));
        Assert.Equal(
            [("opening", 50m, 50m), ("top_up", 25m, 75m), ("adjustment", -5.5m, 69.5m), ("refund", 0.5m, 70m)],
            ledger.Select(e => (e!["kind"]!.GetValue<string>(), e["amount"]!.GetValue<decimal>(), e["balance_after"]!.GetValue<decimal>())));
        Assert.Equal(70m, read["balance"]!.GetValue<decimal>());
        Assert.Equal(ledger.Sum(e => e!["amount"]!.GetValue<decimal>()), read["balance"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("""{"kind":"top_up","amount":0}""", "amount")]
    [InlineData("""{"kind":"refund","amount":-3}""", "amount")]
    [InlineData("""{"kind":"adjustment","amount":0}""", "amount")]
    [InlineData("""{"kind":"call_charges","amount":-1}""", "kind")]
    [InlineData("""{"amount":5}""", "kind")]
    public async Task What_only_the_switch_may_post_or_a_pointless_amount_is_a_field_error(string body, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await tenant.Client.PostAsync($"/v1/accounts/{account}/transactions", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]?[field]);
    }

    [Fact]
    public async Task Another_tenant_can_neither_read_nor_move_an_accounts_balance()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var account = await tenantA.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 10m });

        using var list = await tenantB.Client.GetAsync($"/v1/accounts/{account}/transactions", Ct);
        using var post = await tenantB.Client.PostJsonAsync($"/v1/accounts/{account}/transactions", new { kind = "top_up", amount = 1000m });
        var read = await (await tenantA.Client.GetAsync($"/v1/accounts/{account}", Ct)).ReadObjectAsync();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, post.StatusCode));
        Assert.Equal(10m, read["balance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_posting_that_takes_the_balance_below_the_threshold_raises_one_low_balance_alert()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        using var other = await app.CreateTenantAsync("bravo");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 10m, low_balance_threshold = 5m });

        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -4m });
        var before = await AlertsAsync(tenant.Client);
        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -2m });
        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -1m });

        Assert.Empty(before);
        var alert = Assert.Single(await AlertsAsync(tenant.Client))!;
        Assert.Equal("alert", alert["action"]!.GetValue<string>());
        Assert.Contains($"Account {account}: balance 4", alert["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(other.Client));
    }

    private static async Task<System.Text.Json.Nodes.JsonArray> AlertsAsync(HttpClient client) =>
        (await (await client.GetAsync("/v1/security-events?rule=low-balance", Ct)).ReadObjectAsync())["data"]!.AsArray();
}

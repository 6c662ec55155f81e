using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using Softswitch.Domain.Billing;
using Softswitch.Switch.Cdrs;

namespace Softswitch.Api.Tests;

/// <summary>
/// <c>balance.low</c>: the ledger posting that takes an account below its low-balance threshold (a CDR batch's call
/// charges, or an operator's adjustment) puts one event in the outbox in its own transaction; the retry job delivers it,
/// signed, to the tenant's subscribed CRM only.
/// </summary>
public sealed class BalanceLowWebhookTests
{
    [Fact]
    public async Task A_crossing_call_charge_sends_one_signed_event_and_a_top_up_re_arms_it()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var other = await rig.App.CreateTenantAsync("bravo");
        using var crm = new WebhookReceiver();
        using var othersCrm = new WebhookReceiver();
        var (_, secret) = await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), WebhookEventTypes.BalanceLow);
        await WebhookApiTests.CreateEndpointAsync(other, othersCrm.Url());
        var account = await tenant.Client.CreateAsync("/v1/accounts", new
        {
            name = "Acme", kind = "client", currency = "EUR", balance = 10m, credit_limit = 2m, low_balance_threshold = 5m,
        });
        await other.Client.CreateAsync("/v1/accounts", new { name = "Initech", kind = "client", currency = "EUR", balance = 10m, low_balance_threshold = 5m });

        await rig.StoreCallsAsync(Charged(rig, tenant.Id, account, 6m));
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));
        await rig.StoreCallsAsync(Charged(rig, tenant.Id, account, 1m));
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));

        var first = Assert.Single(crm.Requests);
        Assert.True(Verifies(secret, first.RequestMessage!), "the event is signed with the endpoint's secret");
        var data = Assert.Single(crm.Bodies())["data"]!;
        Assert.Equal(
            (account, "Acme", "EUR", "call_charges", 2L),
            (Text(data, "account_id"), Text(data, "name"), Text(data, "currency"), Text(data, "transaction_kind"), data["sequence"]!.GetValue<long>()));
        Assert.Equal(
            (4m, 2m, 6m, 5m, -6m),
            (Money(data, "balance"), Money(data, "credit_limit"), Money(data, "available_funds"), Money(data, "threshold"), Money(data, "amount")));
        Assert.StartsWith($"{IdPrefix.LedgerEntry}_", data["transaction_id"]!.GetValue<string>(), StringComparison.Ordinal);

        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "top_up", amount = 10m });
        await rig.StoreCallsAsync(Charged(rig, tenant.Id, account, 9m));
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));

        var events = crm.Bodies();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(WebhookEventTypes.BalanceLow, e["type"]!.GetValue<string>()));
        Assert.Equal([4m, 4m], events.Select(e => e["data"]!["balance"]!.GetValue<decimal>()).Order());
        Assert.NotEqual(events[0]["event_id"]!.GetValue<string>(), events[1]["event_id"]!.GetValue<string>());
        Assert.Empty(othersCrm.Requests);
    }

    [Fact]
    public async Task An_adjustment_through_the_api_that_crosses_sends_the_event()
    {
        await using var rig = new WebhookRig();
        using var tenant = await rig.App.CreateTenantAsync("alpha");
        using var crm = new WebhookReceiver();
        using var deaf = new WebhookReceiver();
        await WebhookApiTests.CreateEndpointAsync(tenant, crm.Url(), WebhookEventTypes.BalanceLow);
        await WebhookApiTests.CreateEndpointAsync(tenant, deaf.Url(), WebhookEventTypes.AlarmFired, WebhookEventTypes.CallCompleted);
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 10m, low_balance_threshold = 5m });

        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -4m });
        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -2m, reference = "INV-7" });
        await tenant.Client.CreateAsync($"/v1/accounts/{account}/transactions", new { kind = "adjustment", amount = -1m });
        await rig.RunJobAfterAsync(TimeSpan.FromMinutes(1));

        var data = Assert.Single(crm.Bodies())["data"]!;
        Assert.Equal("adjustment", data["transaction_kind"]!.GetValue<string>());
        Assert.Equal(4m, data["balance"]!.GetValue<decimal>());
        Assert.Equal(5m, data["threshold"]!.GetValue<decimal>());
        Assert.Empty(deaf.Requests);
    }

    private static string Text(JsonNode data, string name) => data[name]!.GetValue<string>();

    private static decimal Money(JsonNode data, string name) => data[name]!.GetValue<decimal>();

    /// <summary>A 60-second answered call of the account priced at <paramref name="charge"/> a minute.</summary>
    private static CallDetailRecord Charged(WebhookRig rig, string tenantId, string account, decimal charge) =>
        rig.AnsweredCall(tenantId) with { AccountId = account, Rate = new Tariff("44", charge, 60, 60, 0m, Tariff.DefaultChargeDecimals) };

    /// <summary>
    /// Standard Webhooks' v1 signature recomputed here: the rig's fake clock stamps the event hours before the real now,
    /// which a verifier library refuses as stale before it looks at the signature.
    /// </summary>
    private static bool Verifies(string secret, WireMock.IRequestMessage request)
    {
        string Header(string name) => request.Headers!.Single(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.Single();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{Header("webhook-id")}.{Header("webhook-timestamp")}.{request.Body}");
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return Header("webhook-signature").Split(' ').Contains(expected, StringComparer.Ordinal);
    }
}

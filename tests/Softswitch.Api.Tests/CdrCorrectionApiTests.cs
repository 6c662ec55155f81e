using System.Net;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;

namespace Softswitch.Api.Tests;

/// <summary>Issue 9 §6: a post-billing correction of a CDR's charge, with its trail and its balance movement.</summary>
public sealed class CdrCorrectionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correction_changes_the_charge_keeps_the_old_value_and_moves_the_balance_by_the_difference()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 10m });
        var cdr = await TenantFixtures.InsertCdrAsync(app, tenant.Id, Billed(account, 1.20m));

        var first = await (await tenant.Client.PostJsonAsync($"/v1/cdrs/{cdr}/corrections", new { charge = 0.50m, reason = "Disputed: poor quality" })).ReadObjectAsync();
        using var second = await tenant.Client.PostJsonAsync($"/v1/cdrs/{cdr}/corrections", new { charge = 0.80m, reason = "Partial credit only" });
        var corrections = (await (await tenant.Client.GetAsync($"/v1/cdrs/{cdr}/corrections", Ct)).ReadObjectAsync())["data"]!.AsArray();
        var read = await (await tenant.Client.GetAsync($"/v1/cdrs/{cdr}", Ct)).ReadObjectAsync();
        var ledger = (await (await tenant.Client.GetAsync($"/v1/accounts/{account}/transactions?kind=cdr_correction", Ct)).ReadObjectAsync())["data"]!.AsArray();
        var balance = (await (await tenant.Client.GetAsync($"/v1/accounts/{account}", Ct)).ReadObjectAsync())["balance"]!.GetValue<decimal>();

        Assert.Equal((1.20m, 0.50m, "Disputed: poor quality"), (first["old_charge"]!.GetValue<decimal>(), first["new_charge"]!.GetValue<decimal>(), first["reason"]!.GetValue<string>()));
        Assert.StartsWith("key_", first["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal([(1.20m, 0.50m), (0.50m, 0.80m)], corrections.Select(c => (c!["old_charge"]!.GetValue<decimal>(), c["new_charge"]!.GetValue<decimal>())));
        Assert.Equal(0.80m, read["charge"]!.GetValue<decimal>());
        Assert.Equal([(0.70m, cdr), (-0.30m, cdr)], ledger.Select(e => (e!["amount"]!.GetValue<decimal>(), e["reference"]!.GetValue<string>())));
        Assert.Equal(10.40m, balance);
        Assert.Equal(corrections.Select(c => c!["ledger_entry_id"]!.GetValue<string>()), ledger.Select(e => e!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"charge":0.5}""", "reason")]
    [InlineData("""{"reason":"x"}""", "charge")]
    [InlineData("""{"charge":-1,"reason":"x"}""", "charge")]
    public async Task A_correction_needs_a_charge_and_a_reason(string body, string field)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var cdr = await TenantFixtures.InsertCdrAsync(app, tenant.Id, Billed(null, 1m));

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await tenant.Client.PostAsync($"/v1/cdrs/{cdr}/corrections", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]?[field]);
    }

    [Fact]
    public async Task Another_tenant_can_neither_correct_nor_read_the_corrections_of_a_cdr()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var account = await tenantA.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD", balance = 10m });
        var cdr = await TenantFixtures.InsertCdrAsync(app, tenantA.Id, Billed(account, 1m));

        using var post = await tenantB.Client.PostJsonAsync($"/v1/cdrs/{cdr}/corrections", new { charge = 0m, reason = "mine now" });
        using var list = await tenantB.Client.GetAsync($"/v1/cdrs/{cdr}/corrections", Ct);
        var read = await (await tenantA.Client.GetAsync($"/v1/cdrs/{cdr}", Ct)).ReadObjectAsync();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (post.StatusCode, list.StatusCode));
        Assert.Equal(1m, read["charge"]!.GetValue<decimal>());
    }

    private static Cdr Billed(string? account, decimal charge) => new()
    {
        CallId = $"call-{Guid.NewGuid():n}", AccountId = account, CallerReceived = "15550001", CalleeReceived = "44201234",
        SetupAt = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), AnswerAt = new DateTime(2026, 3, 1, 12, 0, 1, DateTimeKind.Utc),
        EndAt = new DateTime(2026, 3, 1, 12, 1, 1, DateTimeKind.Utc), DurationMilliseconds = 60_000, FinalCode = 200, Q850Cause = 16,
        HangupSide = HangupSide.Caller, BilledSeconds = 60, Charge = charge, RatePrefix = "44",
    };
}

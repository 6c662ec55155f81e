using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Domain;
using Softswitch.Worker.Jobs;

namespace Softswitch.Api.Tests;

/// <summary>Issue 9 §3: customer packages, their rent, minimum spend and failed renewals across month ends.</summary>
public sealed class PackageTests
{
    // A month-end start: the periods run Jan 31, Feb 28, Mar 31, Apr 30 (10:00 UTC each).
    private const string Start = "2026-01-31T10:00:00Z";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rent_is_charged_at_each_month_start_and_a_second_run_charges_nothing()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await AccountAsync(tenant, balance: 100m);
        var package = await tenant.Client.CreateAsync("/v1/packages", new { name = "UK 1000", currency = "USD", monthly_rent = 10m, free_seconds = 60_000, effective_from = "2026-01-01T00:00:00Z" });
        var subscription = await (await tenant.Client.PostJsonAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package, starts_at = Start })).ReadObjectAsync();

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 28, 9, 59, 0, TimeSpan.Zero));
        var job = Job(app, clock);
        var early = await job.RunAsync(Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var renewed = await job.RunAsync(Ct);
        var again = await job.RunAsync(Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        await job.RunAsync(Ct);
        await job.RunAsync(Ct);

        Assert.Equal("2026-02-28T10:00:00Z", subscription["paid_through"]!.GetValue<DateTime>().ToString("yyyy-MM-ddTHH:mm:ssZ"));
        Assert.Equal((0, 1, 0), (early, renewed, again));
        var read = await (await tenant.Client.GetAsync($"/v1/accounts/{account}/subscriptions/{subscription["id"]}", Ct)).ReadObjectAsync();
        Assert.Equal((3, "2026-04-30"), (read["periods_paid"]!.GetValue<int>(), read["paid_through"]!.GetValue<DateTime>().ToString("yyyy-MM-dd")));
        Assert.Equal([-10m, -10m, -10m], await LedgerAsync(tenant, account, "package_rent"));
        Assert.Equal(70m, await BalanceAsync(tenant, account));
    }

    [Fact]
    public async Task The_minimum_monthly_spend_shortfall_is_charged_once_at_the_end_of_the_period()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await AccountAsync(tenant, balance: 50m);
        var package = await tenant.Client.CreateAsync("/v1/packages", new { name = "Commit 5", currency = "USD", minimum_monthly_spend = 5m, effective_from = "2026-01-01T00:00:00Z" });
        await tenant.Client.CreateAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package, starts_at = Start });
        await TenantFixtures.InsertCdrAsync(app, tenant.Id, Charged(account, new DateTime(2026, 2, 10, 12, 0, 0, DateTimeKind.Utc), 2m));
        await TenantFixtures.InsertCdrAsync(app, tenant.Id, Charged(account, new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc), 9m));

        var job = Job(app, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        await job.RunAsync(Ct);
        await job.RunAsync(Ct);

        // Spent 2 of 5 in the first period; the March call falls in the second, not yet ended.
        Assert.Equal([-3m], await LedgerAsync(tenant, account, "minimum_spend_shortfall"));
    }

    [Theory]
    [InlineData("suspend", "suspended", "suspended")]
    [InlineData("lapse", "lapsed", "active")]
    public async Task A_renewal_the_account_cannot_pay_suspends_it_or_lets_the_package_lapse(string mode, string subscriptionStatus, string accountStatus)
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("alpha");
        var account = await AccountAsync(tenant, balance: 10m);
        var package = await tenant.Client.CreateAsync("/v1/packages", new { name = "Tight", currency = "USD", monthly_rent = 10m, failed_renewal = mode, effective_from = "2026-01-01T00:00:00Z" });
        var subscription = await tenant.Client.CreateAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package, starts_at = Start });

        await Job(app, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))).RunAsync(Ct);

        var read = await (await tenant.Client.GetAsync($"/v1/accounts/{account}/subscriptions/{subscription}", Ct)).ReadObjectAsync();
        var owner = await (await tenant.Client.GetAsync($"/v1/accounts/{account}", Ct)).ReadObjectAsync();
        Assert.Equal((subscriptionStatus, accountStatus), (read["status"]!.GetValue<string>(), owner["status"]!.GetValue<string>()));
        Assert.Equal(0m, owner["balance"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_first_rent_the_account_cannot_pay_is_refused_and_another_tenant_cannot_subscribe_or_read()
    {
        await using var app = new TestApplication();
        using var tenantA = await app.CreateTenantAsync("alpha");
        using var tenantB = await app.CreateTenantAsync("bravo");
        var account = await AccountAsync(tenantA, balance: 5m);
        var package = await tenantA.Client.CreateAsync("/v1/packages", new { name = "Big", currency = "USD", monthly_rent = 10m });

        using var unpaid = await tenantA.Client.PostJsonAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package });
        using var foreignAccount = await tenantB.Client.PostJsonAsync($"/v1/accounts/{account}/subscriptions", new { package_id = package });
        var bAccount = await AccountAsync(tenantB, balance: 100m);
        using var foreignPackage = await tenantB.Client.PostJsonAsync($"/v1/accounts/{bAccount}/subscriptions", new { package_id = package });
        using var read = await tenantB.Client.GetAsync($"/v1/packages/{package}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unpaid.StatusCode);
        Assert.Contains("cannot pay the first month's rent", (await unpaid.ReadObjectAsync())["errors"]!["package_id"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (foreignAccount.StatusCode, foreignPackage.StatusCode, read.StatusCode));
        Assert.Equal(5m, await BalanceAsync(tenantA, account));
    }

    private static PackageRenewalJob Job(TestApplication app, TimeProvider time) =>
        new(app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>(), time, NullLogger<PackageRenewalJob>.Instance);

    private static Task<string> AccountAsync(TestTenant tenant, decimal balance) =>
        tenant.Client.CreateAsync("/v1/accounts", new { name = $"Acme {Guid.NewGuid():n}", kind = "client", currency = "USD", balance });

    private static async Task<decimal[]> LedgerAsync(TestTenant tenant, string account, string kind) =>
        [.. (await (await tenant.Client.GetAsync($"/v1/accounts/{account}/transactions?kind={kind}", Ct)).ReadObjectAsync())["data"]!.AsArray().Select(e => e!["amount"]!.GetValue<decimal>())];

    private static async Task<decimal> BalanceAsync(TestTenant tenant, string account) =>
        (await (await tenant.Client.GetAsync($"/v1/accounts/{account}", Ct)).ReadObjectAsync())["balance"]!.GetValue<decimal>();

    private static Cdr Charged(string account, DateTime setup, decimal charge) => new()
    {
        CallId = $"call-{Guid.NewGuid():n}", AccountId = account, CallerReceived = "15550001", CalleeReceived = "44201234",
        SetupAt = setup, AnswerAt = setup.AddSeconds(2), EndAt = setup.AddSeconds(62), DurationMilliseconds = 60_000,
        FinalCode = 200, Q850Cause = 16, HangupSide = HangupSide.Caller, Charge = charge,
    };
}

using System.Net;
using Softswitch.Sdk.Tests.Infrastructure;

namespace Softswitch.Sdk.Tests;

/// <summary><c>Packages</c> and an account's <c>Subscriptions</c> through the SDK.</summary>
public sealed class PackageTests
{
    [Fact]
    public async Task A_package_is_created_read_listed_and_deleted()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Packages");
        using var client = app.Sdk(key);

        var created = await client.Packages.CreateAsync(new PackageOptions
        {
            Name = "UK 1000", Currency = "USD", MonthlyRent = 10m, FreeSeconds = 60_000, FreePrefixes = ["44"],
            FailedRenewal = FailedRenewalMode.Lapse, EffectiveFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var read = await client.Packages.GetAsync(created.Id);
        var listed = await client.Packages.ListAutoPagingAsync().ToListAsync();
        await client.Packages.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Packages.GetAsync(created.Id));

        Assert.Equal(("UK 1000", 10m, 60_000, FailedRenewalMode.Lapse), (read.Name, read.MonthlyRent, read.FreeSeconds, read.FailedRenewal));
        Assert.Equal(["44"], read.FreePrefixes);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_subscription_charges_the_rent_and_is_read_listed_and_cancelled()
    {
        await using var app = new SdkTestApplication();
        var (_, key) = await app.CreateTenantAsync("Subscriptions");
        using var client = app.Sdk(key);
        var account = await client.Accounts.CreateAsync(new AccountCreateOptions { Name = "Acme", Kind = AccountKind.Client, Currency = "USD", Balance = 100m });
        var package = await client.Packages.CreateAsync(new PackageOptions { Name = "Rent", Currency = "USD", MonthlyRent = 10m });

        var subscription = await client.Subscriptions.CreateAsync(account.Id, new SubscriptionOptions { PackageId = package.Id });
        var read = await client.Subscriptions.GetAsync(account.Id, subscription.Id);
        var listed = await client.Subscriptions.ListAsync(account.Id);
        var paged = await client.Subscriptions.ListAutoPagingAsync(account.Id).ToListAsync();
        var inUse = await Assert.ThrowsAsync<SoftswitchApiException>(() => client.Packages.DeleteAsync(package.Id));
        var cancelled = await client.Subscriptions.CancelAsync(account.Id, subscription.Id);

        Assert.Equal((SubscriptionStatus.Active, 1, package.Id), (read.Status, read.PeriodsPaid, read.PackageId));
        Assert.Equal(subscription.Id, Assert.Single(listed.Data).Id);
        Assert.Equal(subscription.Id, Assert.Single(paged).Id);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal(SubscriptionStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.EndedAt);
        Assert.Equal(90m, (await client.Accounts.GetAsync(account.Id)).Balance);
    }
}

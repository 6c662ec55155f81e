using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Softswitch.Data;
using Softswitch.Data.Billing;
using Softswitch.Domain;
using Softswitch.Api.Tests.Infrastructure;
using static Softswitch.Api.Tests.Reports.ReportFixture;

namespace Softswitch.Api.Tests.Reports;

/// <summary>
/// Opens <c>/dashboard</c> in Debian's headless Chromium (driven by Playwright, no browser download), enters the key
/// once and checks that every chart drew the seeded data (calls, and ledger postings for the balance), from each chart's own <c>data-points</c> marker. The
/// screenshot is kept at <c>{test output}/TestResults/dashboard.png</c>.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_dashboard_draws_every_chart_from_the_reports()
    {
        await using var app = new TestApplication();
        app.UseKestrel(0);
        app.StartServer();
        using var tenant = await app.CreateTenantAsync("charts");
        var account = await tenant.Client.CreateAsync("/v1/accounts", new { name = "Acme", kind = "client", currency = "USD" });
        var hour = DateTime.UtcNow.AddHours(-3);
        await InsertAsync(app, tenant.Id,
        [
            Call(TrunkA, null, account, "442079460000", hour, 2000, 90_000, 120, 0.024m, 0.01m, 200, null, (VendorV1, 200)),
            Call(TrunkA, null, account, "447400123456", hour.AddHours(1), 1500, 30_000, 60, 0.05m, 0.02m, 200, null, (VendorV1, 200)),
            Call(TrunkA, null, account, "12125550123", hour.AddHours(2), 900, 60_000, 60, 0.01m, 0.03m, 200, null, (VendorV2, 200)),
            Call(null, PhoneP, account, "12125550123", hour.AddHours(2), 5, 0, 0, null, null, 503, "call-rate"),
            Call(TrunkA, null, account, "33142000000", hour.AddHours(2), 5, 0, 0, null, null, 403, "account-access-ip"),
        ]);
        await FoldAllAsync(app, tenant.Id);
        await PostLedgerAsync(app, tenant.Id, account, hour.AddHours(-2), 50m);
        await PostLedgerAsync(app, tenant.Id, account, hour, -12m);
        await PostLedgerAsync(app, tenant.Id, account, hour.AddHours(1), -20m);
        await PostLedgerAsync(app, tenant.Id, account, hour.AddHours(2), -25m);
        using var http = app.CreateClient();
        var dashboard = new Uri(http.BaseAddress!, "/dashboard");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 30_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(dashboard.ToString());
        await page.FillAsync("#key", tenant.Key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#status[data-state=ready]");

        Assert.Equal("3", await Points(page, "calls"));      // three hours with calls
        Assert.Equal("6", await Points(page, "quality"));    // ASR and ACD in each of them
        Assert.Equal("2", await Points(page, "refusals"));   // call-rate, account-access-ip
        Assert.Equal("4", await Points(page, "destinations"));
        Assert.Equal("3", await Points(page, "spend"));
        Assert.Equal("6", await Points(page, "balance"));   // from the top-up's hour to the current one (50, 38, 18, -7, …)
        Assert.Equal(1, await page.Locator("[data-chart=balance] svg .axis.zero").CountAsync()); // into credit: the zero line
        Assert.Equal(tenant.Key, await page.EvaluateAsync<string>("sessionStorage.getItem('softswitch.apiKey')"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

        // Entered once: a reload draws again from the session without asking.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#status[data-state=ready]");
        Assert.True(await page.IsHiddenAsync("#key-form"));
        Assert.Equal("3", await Points(page, "calls"));
    }

    /// <summary>A posting on the account's ledger at a past instant, as the switch or the API would have made it then.</summary>
    private static async Task PostLedgerAsync(TestApplication app, string tenantId, string account, DateTime at, decimal amount)
    {
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        await using var db = new SoftswitchDbContext(options, new FixedTenantContext(tenantId), new FakeTimeProvider(at));
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entry = new LedgerEntry { AccountId = account, Kind = amount > 0 ? LedgerEntryKind.TopUp : LedgerEntryKind.CallCharges, Amount = amount, Actor = "test" };
        Assert.True(await AccountLedger.PostAsync(db, entry, settingsChanged: false, CancellationToken.None));
        await transaction.CommitAsync();
    }

    private static Task<string?> Points(IPage page, string chart) =>
        page.GetAttributeAsync($"[data-chart={chart}] svg", "data-points");
}

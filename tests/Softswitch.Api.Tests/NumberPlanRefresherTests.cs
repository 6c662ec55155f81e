using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Data;
using Softswitch.Media.Numbers;
using Softswitch.Switch.Numbers;

namespace Softswitch.Api.Tests;

/// <summary>The switch's number plan as <see cref="NumberPlanRefresher"/> reads it from the database the API writes.</summary>
public sealed class NumberPlanRefresherTests
{
    [Fact]
    public async Task A_list_of_a_million_numbers_is_imported_and_loaded_by_the_switch_in_seconds()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("t");
        var list = await tenant.Client.CreateAsync("/v1/number-lists", new { name = "Big", kind = "black", match = "callee" });
        var csv = new StringBuilder("number\n", 14_000_000);
        for (var i = 0; i < 1_000_000; i++)
        {
            csv.Append("4420").Append((7_000_000 + (i * 3)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var importing = Stopwatch.StartNew();
        using var imported = await tenant.Client.PostAsync(
            $"/v1/number-lists/{list}/numbers/import?mode=replace", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        var importTime = importing.Elapsed;
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var (plans, refresher) = Refresher(app);
        var loading = Stopwatch.StartNew();
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var loadTime = loading.Elapsed;

        var loaded = plans.Current.For(tenant.Id)!.Lists[list];
        Assert.Equal(1_000_000, loaded.Numbers.Count);
        Assert.False(loaded.Admits("1", "44207000003"));
        Assert.True(loaded.Admits("1", "44207000004"));
        TestContext.Current.SendDiagnosticMessage($"1,000,000 numbers: import through the API {importTime.TotalSeconds:F2} s, switch load {loadTime.TotalSeconds:F2} s");
        Assert.True(loadTime < TimeSpan.FromSeconds(5), $"loading took {loadTime}");
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_lists_groups_and_settings_and_an_unchanged_list_is_kept()
    {
        await using var app = new TestApplication();
        using var a = await app.CreateTenantAsync("a");
        using var b = await app.CreateTenantAsync("b");
        var listA = await a.Client.CreateAsync("/v1/number-lists", new { name = "Same name", kind = "black", match = "caller" });
        var listB = await b.Client.CreateAsync("/v1/number-lists", new { name = "Same name", kind = "white", match = "callee" });
        var groupA = await a.Client.CreateAsync("/v1/number-groups", new { name = "G", prefixes = new[] { "44" } });
        using (await a.Client.PostJsonAsync($"/v1/number-lists/{listA}/numbers", new { numbers = new[] { "15550001111" } }))
        using (await a.Client.PutJsonAsync("/v1/number-settings", new { home_country = "GB" }))
        {
        }

        var (plans, refresher) = Refresher(app);
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var first = plans.Current;
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        using (await b.Client.PostJsonAsync($"/v1/number-lists/{listB}/numbers", new { numbers = new[] { "442071234567" } }))
        {
        }

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        var second = plans.Current;

        Assert.NotSame(first, second);
        Assert.Equal([listA], first.For(a.Id)!.Lists.Keys);
        Assert.Equal([groupA], first.For(a.Id)!.Groups.Keys);
        Assert.Empty(first.For(b.Id)!.Groups);
        Assert.Equal(44, first.For(a.Id)!.HomeCallingCode);
        Assert.Equal(0, first.For(b.Id)!.HomeCallingCode);
        Assert.Same(first.For(a.Id)!.Lists[listA].Numbers, second.For(a.Id)!.Lists[listA].Numbers);
        Assert.Equal(1, second.For(b.Id)!.Lists[listB].Numbers.Count);
        Assert.Same(first.For(a.Id)!.Cache, second.For(a.Id)!.Cache);
    }

    [Fact]
    public async Task Until_the_database_answers_the_plan_stays_not_loaded()
    {
        var plans = new NumberPlanSource(NumberPlan.NotLoaded);
        var options = new DbContextOptionsBuilder<SoftswitchDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"), "missing", "none.db")};Mode=ReadOnly").Options;
        var refresher = new NumberPlanRefresher(options, plans, TimeProvider.System, NullLogger<NumberPlanRefresher>.Instance);

        await refresher.StartAsync(TestContext.Current.CancellationToken);
        await refresher.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(plans.Current.Loaded);
        Assert.Null(plans.Current.For("t"));
    }

    private static (NumberPlanSource Plans, NumberPlanRefresher Refresher) Refresher(TestApplication app)
    {
        var plans = new NumberPlanSource(NumberPlan.NotLoaded);
        var options = app.Services.GetRequiredService<DbContextOptions<SoftswitchDbContext>>();
        return (plans, new NumberPlanRefresher(options, plans, TimeProvider.System, NullLogger<NumberPlanRefresher>.Instance));
    }
}

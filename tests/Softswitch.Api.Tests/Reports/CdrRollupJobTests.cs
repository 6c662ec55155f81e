using Microsoft.Extensions.Time.Testing;
using Softswitch.Api.Tests.Infrastructure;
using Softswitch.Domain;
using Softswitch.Worker.Rollups;
using static Softswitch.Api.Tests.Reports.ReportFixture;

namespace Softswitch.Api.Tests.Reports;

public sealed class CdrRollupJobTests
{
    private const string Period = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z";

    [Fact]
    public async Task A_cdr_is_folded_once_it_has_settled_and_only_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero));
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("rollups");
        var job = Job(app, time, new CdrRollupOptions { SettleSeconds = 60 });
        await InsertAsync(app, tenant.Id, [Answered("acc_x", Day1.AddHours(8))], time);

        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));

        var hours = await ReportApiTests.DataAsync(tenant.Client, $"/v1/reports/hourly?{Period}");
        Assert.Equal(1L, (long)Assert.Single(hours)!["figures"]!["calls"]!);
    }

    [Fact]
    public async Task A_run_folds_at_most_its_bound_per_tenant_and_the_next_run_goes_on()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("rollups");
        await InsertAsync(app, tenant.Id, Enumerable.Range(0, 250).Select(i => Answered("acc_x", Day1.AddMinutes(i))));
        var job = Job(app, settings: new CdrRollupOptions { SettleSeconds = 0, BatchSize = 100, MaxCdrsPerTenantPerRun = 150 });
        var later = DateTime.UtcNow.AddHours(1);

        Assert.Equal(150, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));
        Assert.Equal(100, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));
        Assert.Equal(0, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));

        var days = await ReportApiTests.DataAsync(tenant.Client, $"/v1/reports/daily?{Period}");
        Assert.Equal(250L, (long)Assert.Single(days)!["figures"]!["calls"]!);
    }

    [Fact]
    public async Task Two_runs_at_once_count_every_cdr_once()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("rollups");
        await InsertAsync(app, tenant.Id, Enumerable.Range(0, 1_000).Select(i => Answered("acc_x", Day1.AddSeconds(i * 80))));
        var settings = new CdrRollupOptions { SettleSeconds = 0, BatchSize = 100 };
        var later = DateTime.UtcNow.AddHours(1);

        var folded = await Task.WhenAll(
            Job(app, settings: settings).FoldTenantAsync(tenant.Id, later, CancellationToken.None),
            Job(app, settings: settings).FoldTenantAsync(tenant.Id, later, CancellationToken.None));

        Assert.Equal(1_000, folded.Sum());
        var days = await ReportApiTests.DataAsync(tenant.Client, $"/v1/reports/daily?{Period}");
        Assert.Equal(1_000L, (long)Assert.Single(days)!["figures"]!["calls"]!);
    }

    [Fact]
    public async Task A_correction_moves_the_reports_by_its_difference_once_whether_or_not_its_cdr_was_folded()
    {
        await using var app = new TestApplication();
        using var tenant = await app.CreateTenantAsync("rollups");
        var job = Job(app, settings: new CdrRollupOptions { SettleSeconds = 0 });
        var later = DateTime.UtcNow.AddHours(1);
        var folded = Answered("acc_x", Day1.AddHours(8));
        await InsertAsync(app, tenant.Id, [folded]);
        Assert.Equal(1, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));
        var unfolded = Answered("acc_x", Day1.AddHours(9));
        await InsertAsync(app, tenant.Id, [unfolded]);

        foreach (var (cdr, charge) in new[] { (folded, 0.004m), (unfolded, 0.002m) })
        {
            using var corrected = await tenant.Client.PostJsonAsync($"/v1/cdrs/{cdr.Id}/corrections", new { charge, reason = "Disputed" });
            Assert.Equal(System.Net.HttpStatusCode.Created, corrected.StatusCode);
        }

        Assert.Equal(1, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));
        Assert.Equal(0, await job.FoldTenantAsync(tenant.Id, later, CancellationToken.None));

        var hours = await ReportApiTests.DataAsync(tenant.Client, $"/v1/reports/hourly?{Period}");
        Assert.Equal([0.004m, 0.002m], hours.Select(h => (decimal)h!["figures"]!["charge"]!));
    }

    private static Cdr Answered(string account, DateTime setup) =>
        Call(TrunkA, null, account, "442079460000", setup, 1000, 10_000, 60, 0.01m, 0.005m, 200, null, (VendorV1, 200));
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Softswitch.Api.Reports;
using Softswitch.Data;

namespace Softswitch.Benchmarks;

/// <summary>
/// Each <c>/v1/reports</c> report over the whole 30 days of <see cref="ReportBenchDatabase"/>'s 1,000,000 CDRs (issue 9
/// goal: under 1 s), as its endpoint builds it: the rollup query, the figures and the ordering; JSON writing is not
/// included. Runs in process with a short job of its own (the first run builds the database, which takes minutes).
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class ReportBenchmarks : IDisposable
{
    private readonly ReportPeriod _period = new(ReportBenchDatabase.Start, ReportBenchDatabase.Start + ReportBenchDatabase.Span);
    private SoftswitchDbContext _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        ReportBenchDatabase.EnsureAsync().GetAwaiter().GetResult();
        _db = new SoftswitchDbContext(ReportBenchDatabase.Options(), new FixedTenantContext(ReportBenchDatabase.TenantId), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task<int> MappingGateways() => Count(ReportRows.MappingGatewaysAsync(_db, _period, CancellationToken.None));

    [Benchmark]
    public Task<int> RoutingGateways() => Count(ReportRows.RoutingGatewaysAsync(_db, _period, CancellationToken.None));

    [Benchmark]
    public Task<int> FailureCodes() => Count(ReportRows.FailureCodesAsync(_db, _period, CancellationToken.None));

    [Benchmark]
    public Task<int> RefusalRules() => Count(ReportRows.RefusalRulesAsync(_db, _period, CancellationToken.None));

    [Benchmark]
    public Task<int> Daily() => Count(ReportRows.PeriodsAsync(_db, _period, null, daily: true, CancellationToken.None));

    [Benchmark]
    public Task<int> Hourly() => Count(ReportRows.PeriodsAsync(_db, _period, null, daily: false, CancellationToken.None));

    [Benchmark]
    public Task<int> HourlyOfOneAccount() => Count(ReportRows.PeriodsAsync(_db, _period, "acc_bench_07", daily: false, CancellationToken.None));

    [Benchmark]
    public Task<int> Destinations() => Count(ReportRows.DestinationsAsync(_db, _period, CancellationToken.None));

    [Benchmark]
    public Task<int> RoutingGatewayAreas() => Count(ReportRows.GatewayAreasAsync(_db, _period, routing: true, CancellationToken.None));

    [Benchmark]
    public Task<int> MappingGatewayAreas() => Count(ReportRows.GatewayAreasAsync(_db, _period, routing: false, CancellationToken.None));

    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }

    private static async Task<int> Count<T>(Task<List<T>> rows) => (await rows).Count;
}

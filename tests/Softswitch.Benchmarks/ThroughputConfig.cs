using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Softswitch.Benchmarks;

/// <summary>Operations per second next to the time: the figures the goals are stated in.</summary>
internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond, StatisticColumn.Min, StatisticColumn.Median);
}

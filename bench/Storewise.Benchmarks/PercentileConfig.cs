using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Storewise.Benchmarks;

/// <summary>Adds median and P95 columns. BenchmarkDotNet percentiles are over iteration means; see LatencyProbe for per-call p99.</summary>
internal sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
}

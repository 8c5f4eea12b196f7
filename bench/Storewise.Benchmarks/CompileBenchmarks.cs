using BenchmarkDotNet.Attributes;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>Compiling a catalogue of 10,000 promotions and 200 coupons (done once per catalogue version).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private SyntheticCatalogue source = null!;

    [GlobalSetup]
    public void Setup() => source = new SyntheticCatalogue(10_000);

    [Benchmark]
    public PromotionCatalog Compile10K() => source.Compile();
}

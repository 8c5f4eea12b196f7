using BenchmarkDotNet.Attributes;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>Pricing one cart against a compiled catalogue; cycles through 64 different carts per size.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class EvaluationBenchmarks
{
    private const int CartVariety = 64;

    private PromotionCatalog catalog1K = null!;
    private PromotionCatalog catalog10K = null!;
    private PromotionCatalog rewards1K = null!;
    private SyntheticCatalogue rewardSource1K = null!;
    private Cart[] rewardCarts50 = null!;
    private SyntheticCatalogue source1K = null!;
    private SyntheticCatalogue source10K = null!;
    private Cart[] carts50 = null!;
    private Cart[] carts200 = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        source1K = new SyntheticCatalogue(1_000);
        source10K = new SyntheticCatalogue(10_000);
        catalog1K = source1K.Compile();
        catalog10K = source10K.Compile();
        rewardSource1K = new SyntheticCatalogue(1_000, withRewards: true);
        rewards1K = rewardSource1K.Compile();
        rewardCarts50 = new Cart[CartVariety];
        carts50 = new Cart[CartVariety];
        carts200 = new Cart[CartVariety];
        for (var i = 0; i < CartVariety; i++)
        {
            carts50[i] = source1K.NewCart(50, i);
            carts200[i] = source1K.NewCart(200, i);
            rewardCarts50[i] = rewardSource1K.NewCart(50, i);
        }
    }

    [Benchmark(Baseline = true)]
    public PricingResult Cart50_Promotions1K() => Evaluate(carts50, catalog1K, source1K, explain: false);

    [Benchmark]
    public PricingResult Cart50_Promotions10K() => Evaluate(carts50, catalog10K, source10K, explain: false);

    [Benchmark]
    public PricingResult Cart200_Promotions1K() => Evaluate(carts200, catalog1K, source1K, explain: false);

    [Benchmark]
    public PricingResult Cart50_Promotions1K_Explain() => Evaluate(carts50, catalog1K, source1K, explain: true);

    /// <summary>The same catalogue with reward and stacking fields on a third of the promotions.</summary>
    [Benchmark]
    public PricingResult Cart50_Promotions1K_Rewards() => Evaluate(rewardCarts50, rewards1K, rewardSource1K, explain: false);

    private PricingResult Evaluate(Cart[] carts, PromotionCatalog catalog, SyntheticCatalogue source, bool explain)
    {
        next = (next + 1) % CartVariety;
        return PricingEngine.Evaluate(carts[next], SyntheticCatalogue.Now, catalog, source.Codes, explain);
    }
}

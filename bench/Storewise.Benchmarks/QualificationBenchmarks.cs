using BenchmarkDotNet.Attributes;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// Qualification and the time and audience checks at 10,000 promotions (docs/performance.md, "Time, audience and
/// qualification (issue 15)" and "Qualification and hints after issue 15 gaps"): what a cart qualifies for, with and
/// without the 200 coupons, for a 50-line and an empty cart, and with 1,000 and 10,000 coupons; and pricing against
/// the same catalogue where a fifth of the promotions have a schedule, a channel restriction and store-local times.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class QualificationBenchmarks
{
    private const int CartVariety = 64;
    private static readonly IReadOnlyDictionary<string, OfferUsage> NoUsage = new Dictionary<string, OfferUsage>(StringComparer.Ordinal);

    private PromotionCatalog catalog10K = null!;
    private PromotionCatalog timed10K = null!;
    private PromotionCatalog coupons1K = null!;
    private PromotionCatalog coupons10K = null!;
    private SyntheticCatalogue source10K = null!;
    private Cart[] carts50 = null!;
    private Cart emptyCart = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        source10K = new SyntheticCatalogue(10_000);
        catalog10K = source10K.Compile();
        timed10K = Timed(source10K);
        coupons1K = new SyntheticCatalogue(10_000, couponCount: 1_000).Compile();
        coupons10K = new SyntheticCatalogue(10_000, couponCount: 10_000).Compile();
        carts50 = new Cart[CartVariety];
        for (var i = 0; i < CartVariety; i++)
        {
            carts50[i] = source10K.NewCart(50, i) with { ChannelType = i % 2 == 0 ? "store" : "web" };
        }

        emptyCart = carts50[0] with { Items = [] };
    }

    [Benchmark(Baseline = true)]
    public PricingResult Price_Cart50_Promotions10K() => PricingEngine.Evaluate(NextCart(), SyntheticCatalogue.Now, catalog10K, source10K.Codes, explain: false);

    [Benchmark]
    public PricingResult Price_Cart50_Promotions10K_Timed() => PricingEngine.Evaluate(NextCart(), SyntheticCatalogue.Now, timed10K, source10K.Codes, explain: false);

    [Benchmark]
    public QualificationResult Qualify_Cart50_Promotions10K() => OfferQualification.Qualify(NextCart(), SyntheticCatalogue.Now, catalog10K, NoUsage, includeCoupons: false);

    [Benchmark]
    public QualificationResult Qualify_Cart50_Promotions10K_Timed() => OfferQualification.Qualify(NextCart(), SyntheticCatalogue.Now, timed10K, NoUsage, includeCoupons: false);

    [Benchmark]
    public QualificationResult Qualify_EmptyCart_Promotions10K() => OfferQualification.Qualify(emptyCart, SyntheticCatalogue.Now, catalog10K, NoUsage, includeCoupons: false);

    [Benchmark]
    public QualificationResult Qualify_Cart50_Promotions10K_Coupons200() => OfferQualification.Qualify(NextCart(), SyntheticCatalogue.Now, catalog10K, NoUsage, includeCoupons: true);

    [Benchmark]
    public QualificationResult Qualify_Cart50_Promotions10K_Coupons1000() => OfferQualification.Qualify(NextCart(), SyntheticCatalogue.Now, coupons1K, NoUsage, includeCoupons: true);

    [Benchmark]
    public QualificationResult Qualify_Cart50_Promotions10K_Coupons10000() => OfferQualification.Qualify(NextCart(), SyntheticCatalogue.Now, coupons10K, NoUsage, includeCoupons: true);

    private Cart NextCart()
    {
        next = (next + 1) % CartVariety;
        return carts50[next];
    }

    // Every fifth promotion: an evening window in Berlin on weekdays, the store channel only, and naive times read
    // in the cart's store zone (100 stores spread over four zones).
    private static PromotionCatalog Timed(SyntheticCatalogue source)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        string[] zoneIds = ["Europe/Berlin", "America/New_York", "Pacific/Auckland", "America/Los_Angeles"];
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        for (var store = 0; store < SyntheticCatalogue.StoreCount; store++)
        {
            zones["store-" + store.ToString(System.Globalization.CultureInfo.InvariantCulture)] = TimeZoneInfo.FindSystemTimeZoneById(zoneIds[store % zoneIds.Length]);
        }

        var window = new ScheduleWindow([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(10, 0), new TimeOnly(20, 0));
        var promotions = source.Promotions.Select((offer, i) => i % 5 != 0 ? offer : offer with
        {
            Zone = i % 10 == 0 ? berlin : null,
            StoreLocal = i % 10 != 0,
            StoreLocalValidity = i % 10 != 0 ? new StoreLocalValidity(offer.ValidFrom.UtcDateTime, offer.ValidTo?.UtcDateTime) : null,
            Schedule = [window],
            ChannelTypes = ["store"],
        });
        return PromotionCatalog.Compile(promotions, source.Coupons, source.Excluded, stackableCoupons: true, zones);
    }
}

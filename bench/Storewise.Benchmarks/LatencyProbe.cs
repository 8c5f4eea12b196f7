using System.Diagnostics;
using System.Globalization;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// Times single evaluations with a Stopwatch to report per-call percentiles (which BenchmarkDotNet, averaging over
/// iterations, does not), throughput, the process's CPU time per call, and bytes allocated per call beyond the result
/// itself.
/// </summary>
internal static class LatencyProbe
{
    /// <summary>Runs every scenario, or only the one named <paramref name="only"/> (for profiling one of them).</summary>
    public static void Run(int evaluations, string? only = null)
    {
        Only = only;
        Console.WriteLine(Invariant($"LatencyProbe: {evaluations:N0} evaluations per scenario, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
        var source1K = new SyntheticCatalogue(1_000);
        var source10K = new SyntheticCatalogue(10_000);

        var compile = Stopwatch.StartNew();
        var catalog10K = source10K.Compile();
        compile.Stop();
        Console.WriteLine(Invariant($"compile 10,000 promotions (first, cold): {compile.Elapsed.TotalMilliseconds:F1} ms"));
        var catalog1K = source1K.Compile();

        Probe("50 lines x 1,000 promotions", source1K, catalog1K, 50, evaluations, explain: false);
        Probe("50 lines x 10,000 promotions", source10K, catalog10K, 50, evaluations, explain: false);
        Probe("200 lines x 1,000 promotions", source1K, catalog1K, 200, evaluations, explain: false);
        Probe("50 lines x 1,000 promotions, explain", source1K, catalog1K, 50, evaluations / 4, explain: true);
        var rewards1K = new SyntheticCatalogue(1_000, withRewards: true);
        Probe("50 lines x 1,000 promotions, a third with reward and stacking fields", rewards1K, rewards1K.Compile(), 50, evaluations, explain: false);
    }

    private static string? Only { get; set; }

    private static void Probe(string name, SyntheticCatalogue source, PromotionCatalog catalog, int lines, int evaluations, bool explain)
    {
        if (Only is not null && Only != name)
        {
            return;
        }

        var carts = new Cart[64];
        for (var i = 0; i < carts.Length; i++)
        {
            carts[i] = source.NewCart(lines, i);
        }

        // Warm up the JIT (tiered to full optimisation) and the per-thread scratch.
        for (var i = 0; i < 20_000; i++)
        {
            PricingEngine.Evaluate(carts[i % carts.Length], SyntheticCatalogue.Now, catalog, source.Codes, explain);
        }

        var shape = Describe(carts, source, catalog, explain);
        var ticks = new long[evaluations];
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < evaluations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            PricingEngine.Evaluate(carts[i % carts.Length], SyntheticCatalogue.Now, catalog, source.Codes, explain);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        total.Stop();

        // CPU time of the whole process (the GC's included) per call: on a shared machine it moves far less than
        // wall-clock figures do, since time spent waiting for a core is not counted.
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / evaluations;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var resultBytes = ResultBytes(carts, source, catalog, explain);
        Array.Sort(ticks);
        Console.WriteLine(Invariant($"{name}: mean {Micros(Mean(ticks)):F1} µs, p50 {Micros(ticks[ticks.Length / 2]):F1} µs, p90 {Micros(ticks[(int)(ticks.Length * 0.90)]):F1} µs, p99 {Micros(ticks[(int)(ticks.Length * 0.99)]):F1} µs, max {Micros(ticks[^1]):F1} µs; {evaluations / total.Elapsed.TotalSeconds:N0} carts/s on one thread; CPU {cpuPerCall:F2} µs/call; allocated {allocated / (double)evaluations:N0} B/call, of which result {resultBytes:N0} B, beyond result {(allocated / (double)evaluations) - resultBytes:N0} B"));
        Console.WriteLine("    " + shape);
    }

    private static string Describe(Cart[] carts, SyntheticCatalogue source, PromotionCatalog catalog, bool explain)
    {
        long entries = 0, promotionsApplied = 0, couponsApplied = 0;
        foreach (var cart in carts)
        {
            var result = PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in result.Items)
            {
                entries += item.Discounts.Count;
                foreach (var discount in item.Discounts)
                {
                    if (applied.Add(discount.Id))
                    {
                        if (discount.Source == OfferSource.Promotion)
                        {
                            promotionsApplied++;
                        }
                        else
                        {
                            couponsApplied++;
                        }
                    }
                }
            }
        }

        return Invariant($"per cart on average: {entries / (double)carts.Length:F1} discount entries, {promotionsApplied / (double)carts.Length:F1} promotions and {couponsApplied / (double)carts.Length:F1} coupons applied");
    }

    // The result's own size, measured by allocating an identical copy of it.
    private static double ResultBytes(Cart[] carts, SyntheticCatalogue source, PromotionCatalog catalog, bool explain)
    {
        long bytes = 0;
        foreach (var cart in carts)
        {
            var result = PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain);
            var offers = new Dictionary<AppliedOffer, AppliedOffer>(256, ReferenceEqualityComparer.Instance);
            var before = GC.GetAllocatedBytesForCurrentThread();
            _ = Copy(result, offers);
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return bytes / (double)carts.Length;
    }

    // Entries of one offer share one AppliedOffer in a result, and so in its copy.
    private static PricingResult Copy(PricingResult result, Dictionary<AppliedOffer, AppliedOffer> offers)
    {
        var items = new PricedItem[result.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = result.Items[i];
            items[i] = item with { Discounts = CopyDiscounts(item.Discounts, offers) };
        }

        var rejected = new RejectedCoupon[result.RejectedCoupons.Count];
        for (var i = 0; i < rejected.Length; i++)
        {
            rejected[i] = result.RejectedCoupons[i] with { };
        }

        NotAppliedPromotion[]? notApplied = null;
        if (result.NotApplied is { } report)
        {
            notApplied = new NotAppliedPromotion[report.Count];
            for (var i = 0; i < notApplied.Length; i++)
            {
                notApplied[i] = report[i] with { };
            }
        }

        return result with { Items = items, ShippingDiscounts = CopyDiscounts(result.ShippingDiscounts, offers), RejectedCoupons = rejected, NotApplied = notApplied };
    }

    private static AppliedDiscount[] CopyDiscounts(IReadOnlyList<AppliedDiscount> discounts, Dictionary<AppliedOffer, AppliedOffer> offers)
    {
        if (discounts.Count == 0)
        {
            return [];
        }

        var copy = new AppliedDiscount[discounts.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var offer = discounts[i].Offer;
            if (!offers.TryGetValue(offer, out var copied))
            {
                copied = offer with { };
                offers.Add(offer, copied);
            }

            copy[i] = discounts[i] with { Offer = copied };
        }

        return copy;
    }

    private static double Mean(long[] ticks)
    {
        double sum = 0;
        foreach (var t in ticks)
        {
            sum += t;
        }

        return sum / ticks.Length;
    }

    private static double Micros(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

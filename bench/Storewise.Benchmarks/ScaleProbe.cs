using System.Diagnostics;
using System.Globalization;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// One tenant with many active promotions (issue 18: 100,000): how long the catalogue takes to compile, the
/// process's memory with it compiled, 50-line cart latency percentiles in wall and CPU time (with the GCs of the
/// timed loop and the carts' own costs, to tell pauses from work), and what serving one edited promotion costs by a
/// full recompile and by an incremental update (docs/decisions/0514-incremental-catalogue-updates.md).
/// </summary>
internal static class ScaleProbe
{
    public static void Run(int promotions)
    {
        Console.WriteLine(Invariant($"ScaleProbe: {promotions:N0} promotions, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
        var source = new SyntheticCatalogue(promotions);
        GC.Collect();
        var sourceBytes = GC.GetTotalMemory(forceFullCollection: true);

        var compile = Stopwatch.StartNew();
        var catalog = source.Compile();
        compile.Stop();
        GC.Collect();
        var compiledBytes = GC.GetTotalMemory(forceFullCollection: true) - sourceBytes;
        Console.WriteLine(Invariant($"compile (first, cold): {compile.Elapsed.TotalMilliseconds:F0} ms; compiled set {compiledBytes / 1048576.0:F0} MB of managed heap beyond its source offers"));

        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            var again = Stopwatch.StartNew();
            catalog = source.Compile();
            times[i] = again.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(Invariant($"compile (warm, 5 runs): median {times[2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms"));

        var carts = new Cart[64];
        for (var i = 0; i < carts.Length; i++)
        {
            carts[i] = source.NewCart(50, i);
        }

        for (var i = 0; i < 5_000; i++)
        {
            PricingEngine.Evaluate(carts[i % carts.Length], SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
        }

        const int Evaluations = 50_000;
        var ticks = new long[Evaluations];
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        // CPU time beside wall time: on a shared machine a wall-clock tail the CPU time does not have is time the
        // thread spent waiting for a core, not work.
        var cpuMicros = new double[Evaluations];
        for (var i = 0; i < Evaluations; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            PricingEngine.Evaluate(carts[i % carts.Length], SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            cpuMicros[i] = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds;
        }

        Console.WriteLine(Invariant($"timed loop: GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms; {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Evaluations / 1024:F1} KB allocated per cart"));
        ReportByCart(source, carts, ticks);
        Array.Sort(ticks);
        Console.WriteLine(Invariant($"50 lines: p50 {Micros(ticks[Evaluations / 2]):F1} µs, p99 {Micros(ticks[(int)(Evaluations * 0.99)]):F1} µs, max {Micros(ticks[^1]):F1} µs"));
        Array.Sort(cpuMicros);
        Console.WriteLine(Invariant($"50 lines, process CPU time per cart: p50 {cpuMicros[Evaluations / 2]:F1} µs, p99 {cpuMicros[(int)(Evaluations * 0.99)]:F1} µs, max {cpuMicros[^1]:F1} µs"));

        // One promotion edited, served the old way: the tenant's set compiled again from all its offers.
        var edited = (Offer[])source.Promotions.Clone();
        edited[edited.Length / 2] = edited[edited.Length / 2] with { Name = edited[edited.Length / 2].Name + " (edited)" };
        var edit = Stopwatch.StartNew();
        _ = PromotionCatalog.Compile(edited, source.Coupons, source.Excluded, stackableCoupons: true);
        edit.Stop();
        Console.WriteLine(Invariant($"one edit served by a full recompile: {edit.Elapsed.TotalMilliseconds:F0} ms"));
        MeasureIncrementalEdits(source, catalog, carts[0]);
        EditProbe.Run(source, catalog, carts[0], 300);

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"process: RSS {self.WorkingSet64 / 1048576.0:F0} MB, peak {self.PeakWorkingSet64 / 1048576.0:F0} MB (source offers, two compiled sets and the carts)"));
    }

    // From the change to the first cart priced with it: Apply, then one 50-line cart against the derived catalogue.
    // Edits of 20 promotions one after another (a replacement, an addition, a removal in turn), each on the last result.
    private static void MeasureIncrementalEdits(SyntheticCatalogue source, PromotionCatalog catalog, Cart cart)
    {
        var times = new double[21];
        var cpuTimes = new double[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            var target = source.Promotions[(i * 4_999) % source.Promotions.Length];
            var change = (i % 3) switch
            {
                0 => CatalogueChange.Upsert(target with { Percent = (target.Percent ?? 0m) + 5m, Name = target.Name + " (edited)" }),
                1 => CatalogueChange.Upsert(target with { Id = "added-" + i.ToString(CultureInfo.InvariantCulture), CreatedAt = SyntheticCatalogue.Now }),
                _ => CatalogueChange.Remove(target.Id),
            };
            var cpu = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            catalog = catalog.Apply(change);
            PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpuTimes[i] = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        }

        var first = times[0];
        var firstCpu = cpuTimes[0];
        Array.Sort(times);
        Array.Sort(cpuTimes);
        Console.WriteLine(Invariant($"one edit served by an incremental update, change to first priced cart (21 edits): median {times[10]:F2} ms, max {times[^1]:F2} ms, first (JIT) {first:F2} ms; {catalog.PromotionCount:N0} promotions after"));
        Console.WriteLine(Invariant($"  process CPU time for the same: median {cpuTimes[10]:F2} ms, max {cpuTimes[^1]:F2} ms, first {firstCpu:F2} ms"));
    }

    // The carts take turns, so a cart that is slow every time shows as its own share of the tail: per cart, the
    // median time and the current promotions its lines and store meet (what the candidate search checks).
    private static void ReportByCart(SyntheticCatalogue source, Cart[] carts, long[] ticks)
    {
        var medians = new (double Micros, int Cart, int Met)[carts.Length];
        var own = new long[ticks.Length / carts.Length];
        for (var c = 0; c < carts.Length; c++)
        {
            for (var k = 0; k < own.Length; k++)
            {
                own[k] = ticks[(k * carts.Length) + c];
            }

            Array.Sort(own);
            medians[c] = (Micros(own[own.Length / 2]), c, CurrentPromotionsMet(source, carts[c]));
        }

        Array.Sort(medians, static (left, right) => right.Micros.CompareTo(left.Micros));
        Console.WriteLine("slowest carts (median µs / current promotions met): " + string.Join(", ", medians.Take(5).Select(m => Invariant($"#{m.Cart} {m.Micros:F0} µs / {m.Met}"))));
        Console.WriteLine(Invariant($"current promotions met per cart: median {medians.Select(m => m.Met).Order().ElementAt(medians.Length / 2)}, max {medians.Max(m => m.Met)}"));
    }

    private static int CurrentPromotionsMet(SyntheticCatalogue source, Cart cart)
    {
        var met = 0;
        foreach (var offer in source.Promotions)
        {
            if (!offer.Active || offer.ValidFrom > SyntheticCatalogue.Now || offer.ValidTo < SyntheticCatalogue.Now)
            {
                continue;
            }

            var cartWide = offer.Kind is OfferKind.CartLevelPercentage or OfferKind.CartLevelFixed or OfferKind.FreeShippingPercentage or OfferKind.FreeShippingFixed;
            var touches = cartWide
                ? offer.Stores.Count == 0 || offer.Stores.Contains(cart.StoreId!)
                : cart.Items.Any(item => offer.IncludedProducts.Contains(item.ProductId)
                    || offer.BundleProducts.Any(b => b.ProductId == item.ProductId)
                    || offer.IncludedCategories.Any(prefix => item.Categories.Any(path => path.Take(prefix.Count).SequenceEqual(prefix))));
            met += touches ? 1 : 0;
        }

        return met;
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

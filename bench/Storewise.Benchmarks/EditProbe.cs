using System.Diagnostics;
using System.Globalization;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// What one incremental edit costs at scale (docs/decisions/0514-incremental-catalogue-updates.md): a series of
/// edits, each applied to the last result (a replacement, an addition, a removal in turn), with the bytes each
/// <see cref="PromotionCatalog.Apply"/> allocates, its wall and CPU time, and the GCs the series caused. An edit
/// whose cost follows the tenant's size allocates in proportion to it, and the gen2 collections that follow fall
/// on some edits: the p99 shows them.
/// </summary>
internal static class EditProbe
{
    private const int WarmUp = 10;

    public static void Run(SyntheticCatalogue source, PromotionCatalog catalog, Cart cart, int edits)
    {
        // The first edits compile the update path (it runs optimised from its first call, so a few suffice); they are
        // reported apart and left out of the percentiles.
        var first = Stopwatch.GetTimestamp();
        for (var i = 0; i < WarmUp; i++)
        {
            catalog = catalog.Apply(Change(source, edits + i));
            PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
        }

        Console.WriteLine(Invariant($"incremental edits: the first {WarmUp} (JIT) took {Micros(Stopwatch.GetTimestamp() - first) / 1000:F1} ms in all"));
        var applyMicros = new double[edits];
        var servedMicros = new double[edits];
        var cpuMicros = new double[edits];
        var bytes = new long[edits];
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        for (var i = 0; i < edits; i++)
        {
            var change = Change(source, i);
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            catalog = catalog.Apply(change);
            var applied = Stopwatch.GetTimestamp();
            bytes[i] = GC.GetAllocatedBytesForCurrentThread() - allocated;
            PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
            var served = Stopwatch.GetTimestamp();
            applyMicros[i] = Micros(applied - start);
            servedMicros[i] = Micros(served - start);
            cpuMicros[i] = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds;
        }

        var gcs = Invariant($"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
        Console.WriteLine(Invariant($"incremental edits ({edits} after those): {gcs}; {catalog.PromotionCount:N0} promotions after"));
        Array.Sort(bytes);
        Console.WriteLine(Invariant($"  bytes allocated by one Apply: median {bytes[edits / 2] / 1024.0:F1} KB, p99 {bytes[Percentile(edits)] / 1024.0:F1} KB, max {bytes[^1] / 1024.0:F1} KB, mean {bytes.Average() / 1024.0:F1} KB"));
        Report("  Apply alone, wall", applyMicros);
        Report("  change to first priced cart, wall", servedMicros);
        Report("  change to first priced cart, process CPU", cpuMicros);
    }

    // A replacement, an addition, a removal in turn, of promotions spread over the catalogue.
    private static CatalogueChange Change(SyntheticCatalogue source, int i)
    {
        var target = source.Promotions[(int)((i * 4_999L) % source.Promotions.Length)];
        return (i % 3) switch
        {
            0 => CatalogueChange.Upsert(target with { Percent = (target.Percent ?? 0m) + 5m, Name = target.Name + " (edited)" }),
            1 => CatalogueChange.Upsert(target with { Id = "added-" + i.ToString(CultureInfo.InvariantCulture), CreatedAt = SyntheticCatalogue.Now }),
            _ => CatalogueChange.Remove(target.Id),
        };
    }

    private static void Report(string what, double[] micros)
    {
        Array.Sort(micros);
        Console.WriteLine(Invariant($"{what}: p50 {micros[micros.Length / 2] / 1000:F3} ms, p99 {micros[Percentile(micros.Length)] / 1000:F3} ms, max {micros[^1] / 1000:F3} ms"));
    }

    private static int Percentile(int count) => Math.Min(count - 1, (int)(count * 0.99));

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

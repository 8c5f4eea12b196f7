using System.Diagnostics;
using System.Globalization;
using Storewise.Pricing;

namespace Storewise.Benchmarks;

/// <summary>
/// One tenant with many active promotions (issue 18: 100,000): how long the catalogue takes to compile, the
/// process's memory with it compiled, 50-line cart latency percentiles, and what serving one edited promotion
/// costs when the server recompiles the tenant's whole catalogue for it.
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
        for (var i = 0; i < Evaluations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            PricingEngine.Evaluate(carts[i % carts.Length], SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        Console.WriteLine(Invariant($"50 lines: p50 {Micros(ticks[Evaluations / 2]):F1} µs, p99 {Micros(ticks[(int)(Evaluations * 0.99)]):F1} µs, max {Micros(ticks[^1]):F1} µs"));

        // One promotion edited: today the tenant's set is compiled again from all its offers.
        var edited = (Offer[])source.Promotions.Clone();
        edited[edited.Length / 2] = edited[edited.Length / 2] with { Name = edited[edited.Length / 2].Name + " (edited)" };
        var edit = Stopwatch.StartNew();
        _ = PromotionCatalog.Compile(edited, source.Coupons, source.Excluded, stackableCoupons: true);
        edit.Stop();
        Console.WriteLine(Invariant($"one edit served by a full recompile: {edit.Elapsed.TotalMilliseconds:F0} ms"));

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"process: RSS {self.WorkingSet64 / 1048576.0:F0} MB, peak {self.PeakWorkingSet64 / 1048576.0:F0} MB (source offers, two compiled sets and the carts)"));
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

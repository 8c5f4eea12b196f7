using System.Globalization;
using BenchmarkDotNet.Running;
using Storewise.Benchmarks;
using Storewise.Pricing;

// `--latency [count] [scenario]` times single evaluations for per-call percentiles (every scenario, or the one
// named exactly); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--latency")
{
    LatencyProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000, args.Length > 2 ? args[2] : null);
    return;
}

// `--scale [promotions]` measures one tenant with many promotions: compile time, memory, 50-line latency, one edit.
if (args.Length > 0 && args[0] == "--scale")
{
    ScaleProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return;
}

// `--edits [promotions] [edits]` measures only the incremental edits of the scale mode: bytes, time and GCs per edit.
if (args.Length > 0 && args[0] == "--edits")
{
    var source = new SyntheticCatalogue(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    var catalog = source.Compile();
    var cart = source.NewCart(50, 0);
    for (var i = 0; i < 1_000; i++)
    {
        PricingEngine.Evaluate(cart, SyntheticCatalogue.Now, catalog, source.Codes, explain: false);
    }

    EditProbe.Run(source, catalog, cart, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using System.Globalization;
using BenchmarkDotNet.Running;
using Storewise.Benchmarks;

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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

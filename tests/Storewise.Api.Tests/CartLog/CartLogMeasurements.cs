using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Storewise.Api.CartLog;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Simulations;
using Storewise.Api.Tests.Webhooks;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.CartLog;

/// <summary>
/// What logging a cart costs in process, without HTTP (docs/performance.md, "Cart log, fifth round"): random carts of
/// 1–50 lines offered to a queue of the test's own at about 1,000 a second, as the cart endpoint would, with a writer
/// of its own on SQLite, the log on and off in turn. The figures are the process's CPU time and its allocated bytes
/// per offered cart, on minus off, taken until the writer has stopped (every logged cart must then be written: the round's count is checked).
/// </summary>
public sealed class CartLogMeasurements(SqliteApiFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteApiFixture>
{
    private const int CartsPerRound = 10_000;

    [MeasuredFact]
    public async Task Cpu_and_allocations_per_logged_cart_at_a_thousand_a_second()
    {
        var random = new Random(16);
        var carts = Enumerable.Range(0, 2_000).Select(_ => RandomCarts.Cart(random, 1_000)).ToArray();
        await RoundAsync(carts, logged: false); // warms both paths up
        await RoundAsync(carts, logged: true);
        var rounds = new List<(bool Logged, double CpuMs, long Bytes, int Gen0, int Gen1, int Gen2, long Written, double OfferNs, long OfferBytes)>();
        for (var i = 0; i < 2; i++)
        {
            rounds.Add(await RoundAsync(carts, logged: false));
            rounds.Add(await RoundAsync(carts, logged: true));
        }

        foreach (var r in rounds)
        {
            output.WriteLine(FormattableString.Invariant(
                $"log {(r.Logged ? "on " : "off")}: {r.CpuMs / CartsPerRound * 1000:0.0} µs CPU and {r.Bytes / CartsPerRound:0} bytes allocated per cart, of which Offer (the request's side) {r.OfferNs / CartsPerRound / 1000:0.0} µs and {r.OfferBytes / CartsPerRound:0} bytes; collections gen0 {r.Gen0}, gen1 {r.Gen1}, gen2 {r.Gen2}; {r.Written} carts written"));
        }

        var on = rounds.Where(r => r.Logged).ToList();
        var off = rounds.Where(r => !r.Logged).ToList();
        output.WriteLine(FormattableString.Invariant(
            $"logging costs {(on.Average(r => r.CpuMs) - off.Average(r => r.CpuMs)) / CartsPerRound * 1000:0.0} µs CPU and {(on.Average(r => r.Bytes) - off.Average(r => r.Bytes)) / CartsPerRound:0} bytes per cart"));
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Assert.All(rounds, r => Assert.Equal(r.Logged ? CartsPerRound : 0, r.Written));
    }

    private async Task<(bool, double, long, int, int, int, long, double, long)> RoundAsync(Pricing.Cart[] carts, bool logged)
    {
        var tenant = ApiFixture.NewTenant();
        // The setting is the one remembered here for the whole round: a refresh would read "off" for this tenant.
        var options = new CartLogOptions { SettingsRefreshSeconds = 3_600 };
        var queue = new CartLogQueue(fixture.Database, TimeProvider.System, options, NullLogger<CartLogQueue>.Instance);
        queue.Remember(new CartLogSettings(tenant, logged ? CartLogSettings.PartsPerMillion : 0, CartLogSettings.DefaultRetentionDays, null, null, null));
        var writer = new CartLogWriter(queue, fixture.Database, options, TimeProvider.System, NullLogger<CartLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (offerNs, offerBytes) = (0L, 0L);
        for (var i = 0; i < CartsPerRound; i++)
        {
            // About one cart a millisecond: the pace of 1,000 requests a second.
            if (clock.Elapsed.TotalMilliseconds < i)
            {
                await Task.Delay(1);
            }

            var (threadCpu, threadBytes) = (ThreadCpuClock.Nanoseconds(), GC.GetAllocatedBytesForCurrentThread());
            queue.Offer(tenant, carts[i % carts.Length], null);
            offerNs += ThreadCpuClock.Nanoseconds() - threadCpu;
            offerBytes += GC.GetAllocatedBytesForCurrentThread() - threadBytes;
        }

        await writer.StopAsync(CancellationToken.None);
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        await using var connection = await fixture.Database.OpenAsync();
        var written = await CartLogStore.CountAsync(connection, tenant, long.MinValue, long.MaxValue, []);
        return (logged, used, bytes, collections.Item1, collections.Item2, collections.Item3, written, offerNs, offerBytes);
    }
}

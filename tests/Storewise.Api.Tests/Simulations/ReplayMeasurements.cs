using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.CartLog;
using Storewise.Api.Simulations;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Webhooks;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.Simulations;

/// <summary>
/// The replay figures of docs/performance.md in process, without HTTP load: 1,000 promotions created through the API,
/// a cart log of <c>STOREWISE_REPLAY_CARTS</c> carts (1–50 lines, default 100,000) written straight to storage, one
/// simulation run to its end by the runner, timed with the process's CPU time and its peak working set. Two
/// catalogues: <c>bench/load</c>'s (the HTTP load's promotions and carts, read from <c>catalogue.mjs</c> with Node.js)
/// and a harsh one where every promotion stacks and a tenth are cart-wide.
/// </summary>
public sealed class ReplayMeasurements(ReplayFixture fixture, ITestOutputHelper output) : IClassFixture<ReplayFixture>
{
    private const int Promotions = 1000;
    private const int Products = 5000;

    // The change of both runs and of bench/load/replay.sh: one stored promotion left out, a 5 % cart promotion added.
    private const string Draft = """
        "offers":[{"name":"Draft five","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":5},"currencies":[{"code":"EUR"},{"code":"USD"}]}]
        """;

    private static int Carts => int.TryParse(Environment.GetEnvironmentVariable("STOREWISE_REPLAY_CARTS"), out var n) ? n : 100_000;

    [MeasuredFact]
    public async Task Carts_replayed_per_cpu_second_on_the_load_catalogue()
    {
        var (generated, tenant, client, first) = await LoadTenantAsync();
        using var disposing = client;
        await MeasureAsync(client, tenant, first, "bench/load's catalogue", c => generated.Carts[c % generated.Carts.Count]);
    }

    /// <summary>
    /// The runner's batch loop on bench/load's catalogue, each step timed with this thread's CPU clock: reading a page,
    /// reading a cart, each pricing and the tally (docs/performance.md, "What-if, fourth round"). The page's codes are
    /// none the tenant has (no coupons are seeded), so they are priced with no code states, as the runner would.
    /// </summary>
    [MeasuredFact]
    public async Task Replay_steps_on_the_load_catalogue_timed_with_the_thread_cpu_clock()
    {
        var (generated, tenant, client, first) = await LoadTenantAsync();
        using var disposing = client;
        await WriteLogAsync(tenant, c => generated.Carts[c % generated.Carts.Count]);
        var job = await StartJobAsync(client, first);
        var replay = (await fixture.Services.GetRequiredService<SimulationRunner>().StartAsync(job, "measure", CancellationToken.None))!;
        var codes = new Dictionary<string, Pricing.CouponCodeState>();
        var changedCodes = replay.Plan.Change.CodesOver(codes);
        var steps = new long[5];
        var clockCost = ThreadCpuClock.Nanoseconds();
        for (var i = 0; i < 1000; i++)
        {
            ThreadCpuClock.Nanoseconds();
        }

        clockCost = (ThreadCpuClock.Nanoseconds() - clockCost) / 1001;
        var replayed = 0;
        GC.Collect();
        var gcBefore = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (true)
        {
            var start = ThreadCpuClock.Nanoseconds();
            using (var connection = fixture.Database.OpenAsync().GetAwaiter().GetResult())
            {
                CartLogStore.ReadPageAsync(connection, tenant, replay.Plan.From, replay.Plan.To, replay.Plan.Stores, replay.Position, 5000, replay.Page).GetAwaiter().GetResult();
                Assert.DoesNotContain(replay.Page.CouponCodes(), c => !c.StartsWith("NOPE", StringComparison.Ordinal));
            }

            var page = replay.Page;
            var time = ThreadCpuClock.Nanoseconds();
            steps[0] += time - start;
            if (page.Count == 0)
            {
                break;
            }

            for (var i = 0; i < page.Count; i++)
            {
                var logged = page.Read(i, replay.Texts);
                var at = DateTimeOffset.FromUnixTimeMilliseconds(logged.At ?? page[i].LoggedAt);
                time = Step(steps, 1, time);
                var before = Pricing.PricingEngine.Evaluate(logged.Cart, at, replay.Stored, codes, explain: false);
                time = Step(steps, 2, time);
                var after = Pricing.PricingEngine.Evaluate(logged.Cart, at, replay.Changed, changedCodes, explain: false);
                time = Step(steps, 3, time);
                replay.Tally.Add(logged.Cart, page[i].LoggedAt, before, after);
                time = Step(steps, 4, time);
            }

            replay.Position = page[page.Count - 1];
            replayed += page.Count;
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.Equal(Carts, replayed);
        string[] names = ["reading pages (rows as bytes, codes)", "reading each cart", "pricing as it is", "pricing with the change", "tally"];
        for (var s = 0; s < steps.Length; s++)
        {
            // Each step's reading of the clock is taken off (measured at the start).
            var net = steps[s] - (s == 0 ? 2 : replayed) * clockCost;
            output.WriteLine(FormattableString.Invariant($"{names[s]}: {net / 1e9:0.000} s thread CPU, {net / 1e3 / replayed:0.00} µs per cart"));
        }

        output.WriteLine(FormattableString.Invariant(
            $"{replayed} carts; clock read {clockCost} ns; process CPU {used.TotalSeconds:0.0} s; {GC.CollectionCount(0) - gcBefore} gen0 collections, {GC.CollectionCount(1)} gen1 and {GC.CollectionCount(2)} gen2 since start"));
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static long Step(long[] steps, int step, long since)
    {
        var now = ThreadCpuClock.Nanoseconds();
        steps[step] += now - since;
        return now;
    }

    // A tenant with bench/load's promotions; returns them with the tenant, its client and the first promotion's id.
    private async Task<(LoadCatalogue Generated, string Tenant, HttpClient Client, string First)> LoadTenantAsync()
    {
        var generated = LoadCatalogue.Generate(Promotions);
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        return (generated, tenant, client, await CreateAsync(client, generated));
    }

    private static async Task<string> CreateAsync(HttpClient client, LoadCatalogue generated)
    {
        var first = "";
        foreach (var body in generated.Promotions)
        {
            var id = (string)(await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", body)).ExpectAsync(201))["promotion"]!["id"]!;
            first = first.Length == 0 ? id : first;
        }

        return first;
    }

    [MeasuredFact]
    public async Task Carts_replayed_per_cpu_second_on_the_stacking_catalogue()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var random = new Random(7);
        var first = "";
        for (var i = 0; i < Promotions; i++)
        {
            var category = i % 10 == 0
                ? new JsonObject { ["kind"] = "CartLevelPercentage", ["discount"] = 1 + i % 5 }
                : new JsonObject { ["kind"] = "ProductLevelPercentage", ["discount"] = 5 + i % 20, ["includedProducts"] = new JsonArray([.. Enumerable.Range(0, 5).Select(_ => (JsonNode)$"P{random.Next(Products)}")]) };
            var body = new JsonObject
            {
                ["name"] = $"promotion {i}", ["active"] = true, ["validFrom"] = "2020-01-01T00:00:00Z", ["category"] = category,
                ["currencies"] = new JsonArray(new JsonObject { ["code"] = "EUR" }),
            };
            var id = (string)(await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", body.ToJsonString())).ExpectAsync(201))["promotion"]!["id"]!;
            first = i == 0 ? id : first;
        }

        await MeasureAsync(client, tenant, first, "the stacking catalogue", c => StackingCart(random, c));
    }

    private async Task MeasureAsync(HttpClient client, string tenant, string excluded, string label, Func<int, Pricing.Cart> cart)
    {
        var carts = Carts;
        await WriteLogAsync(tenant, cart);
        var job = await StartJobAsync(client, excluded);
        var id0 = job.Id;
        var runner = fixture.Services.GetRequiredService<SimulationRunner>();
        GC.Collect();
        // bench/load/replay-profile.sh attaches perf to the replay alone: it waits for this file, then for "done".
        var mark = Environment.GetEnvironmentVariable("STOREWISE_REPLAY_MARK");
        if (mark is not null)
        {
            await File.WriteAllTextAsync(mark, $"{Environment.ProcessId}\n");
            await Task.Delay(2000);
        }

        var rssBefore = Environment.WorkingSet;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await runner.RunAsync(job, "measure", CancellationToken.None);
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (mark is not null)
        {
            await File.AppendAllTextAsync(mark, "done\n");
        }

        var done = await (await client.GetAsync(new Uri($"/v0/promotions/simulations/{id0}", UriKind.Relative))).ExpectAsync(200);
        Assert.Equal("DONE", (string?)done["status"]);
        Assert.Equal(carts, (long)done["progress"]!["replayed"]!);
        var results = done["results"]!.AsArray();
        output.WriteLine(FormattableString.Invariant(
            $"{label}: replayed {carts} carts at {Promotions} promotions: wall {wall.Elapsed.TotalSeconds:0.0} s ({carts / wall.Elapsed.TotalSeconds:0} carts/s), process CPU {used.TotalSeconds:0.0} s ({carts / used.TotalSeconds:0} carts per CPU-second); working set {rssBefore / 1048576} MB before, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB; {results.Sum(r => (long)r!["cartsChanged"]!)} carts changed, {results.Sum(r => r!["offers"]!.AsArray().Count)} offers counted"));
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private async Task WriteLogAsync(string tenant, Func<int, Pricing.Cart> cart)
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var written = 0; written < Carts; written += 5000)
        {
            var rows = Enumerable.Range(written, Math.Min(5000, Carts - written)).Select(c => new LoggedCartRow(tenant, start + c, cart(c), null)).ToList();
            await CartLogStore.InsertAsync(fixture.Database, rows, CancellationToken.None);
        }
    }

    // Starts the simulation of the measured change through the API and claims its job, as a worker would.
    private async Task<SimulationRow> StartJobAsync(HttpClient client, string excluded)
    {
        var request = $$$"""{"from":"2030-01-01T00:00:00Z","to":"2030-02-01T00:00:00Z","preview":{"exclude":["{{{excluded}}}"],{{{Draft}}}}}""";
        var id = (string)(await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/simulations", request)).ExpectAsync(202))["id"]!;
        var now = fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var job = (await SimulationStore.TryClaimAsync(fixture.Database, "measure", now, now + 3_600_000, CancellationToken.None))!;
        Assert.Equal(id, job.Id);
        return job;
    }

    // 1–50 lines (mean 25.5) of products from the promotions' pool, EUR, a store of ten.
    private static Pricing.Cart StackingCart(Random random, int n) => new()
    {
        Currency = "EUR",
        StoreId = $"store-{n % 10}",
        CustomerId = $"customer-{n % 1000}",
        Items = [.. Enumerable.Range(0, random.Next(1, 51)).Select(i => new Pricing.CartItem($"l{i}", $"P{random.Next(Products)}", random.Next(1, 4), random.Next(100, 10_000) / 100m, [], null))],
        CouponCodes = [],
        CustomerAttributes = new Dictionary<string, string>(),
    };
}

/// <summary>SQLite, no simulation worker (the measurement runs the job itself), default batches.</summary>
public sealed class ReplayFixture : ApiFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Simulations:WorkerEnabled"] = "false" };

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "storewise.db")}");

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

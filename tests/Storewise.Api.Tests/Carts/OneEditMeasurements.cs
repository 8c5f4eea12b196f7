using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Carts;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using Storewise.Api.Tests.Webhooks;
using Xunit.Abstractions;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// The figure of docs/performance.md "One edit at 100,000 promotions, the server's side", in process: 100,000 promotions
/// written straight to the offers table (copies of one created through the API, each on a product of its own among
/// 20,000), the set compiled once by a first cart, then one promotion edited through the API
/// <c>STOREWISE_EDITS</c> times (default 50). Each edit is timed from the answer of its PUT (committed) to the first
/// cart answer priced with it, in wall-clock time and in the process's CPU time (the in-memory client included), and
/// the same cart once more with nothing changed, for what the request costs without the change, and the loader alone
/// deriving the same change again.
/// </summary>
public abstract class OneEditMeasurements(ApiFixture fixture, ITestOutputHelper output)
{
    private const int Promotions = 100_000;
    private const int Products = 20_000;
    private const string EditedProduct = "PEDIT";

    private static int Edits => int.TryParse(Environment.GetEnvironmentVariable("STOREWISE_EDITS"), out var n) ? n : 50;

    // The edited promotion's product and nine products of the copies.
    private static readonly string Cart = new JsonObject
    {
        ["currency"] = "EUR",
        ["items"] = new JsonArray([.. new[] { EditedProduct }.Concat(Enumerable.Range(1, 9).Select(i => $"P{i * 1999}"))
            .Select((product, i) => (JsonNode)new JsonObject { ["id"] = $"l{i}", ["productId"] = product, ["quantity"] = 1, ["price"] = 100 })]),
    }.ToJsonString();

    [MeasuredFact]
    public async Task One_edit_at_100000_promotions_from_commit_to_the_first_priced_cart()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        // The carts go without the answer's check against the contract, which costs more than the cart itself.
        using var carts = fixture.Factory.CreateDefaultClient();
        carts.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token(tenant));
        var category = $$"""{"kind":"ProductLevelPercentage","discount":10,"includedProducts":["{{EditedProduct}}"]}""";
        var promotion = (await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Seed", category)))["promotion"]!;
        var seeding = Stopwatch.StartNew();
        await SeedCopiesAsync(tenant, (string)promotion["id"]!);
        seeding.Stop();

        var cache = fixture.Services.GetRequiredService<PromotionSetCache>();
        var compile = Stopwatch.StartNew();
        var total = await TotalAsync(carts);
        compile.Stop();

        var wall = new List<double>();
        var cpu = new List<double>();
        var unchangedWall = new List<double>();
        var unchangedCpu = new List<double>();
        var loaderWall = new List<double>();
        var loaderCpu = new List<double>();
        var loader = fixture.Services.GetRequiredService<PromotionSetLoader>();
        var derived = 0;
        var current = promotion;
        for (var edit = 0; edit < Edits; edit++)
        {
            // Its minimum cart value is raised above the cart's and lowered again (the category cannot change).
            var applies = edit % 2 == 1;
            var setBefore = cache.Current(tenant)!;
            var body = OfferBodies.ReplaceBody(current, b => b["currencies"]![0]!["minimumCartValue"] = applies ? 0 : 5000);
            current = (await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", body)).ExpectAsync(200))["promotion"]!;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var expected = total + (applies ? -10m : 10m);
            while (await TotalAsync(carts) != expected)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the edit was not priced within 10 s");
            }

            clock.Stop();
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            derived += cache.Current(tenant)?.Derived == true ? 1 : 0;
            total = expected;

            // The same cart once more, with nothing changed: what the request costs without the change.
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            Assert.Equal(total, await TotalAsync(carts));
            unchangedCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            unchangedWall.Add(clock.Elapsed.TotalMilliseconds);

            // The loader alone, deriving the same change again from the set it replaced (no HTTP, nothing installed).
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            Assert.True((await loader.LoadAsync(tenant, setBefore)).Derived);
            loaderCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            loaderWall.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(FormattableString.Invariant(
            $"{fixture.Provider}: {Promotions + 1} promotions seeded in {seeding.Elapsed.TotalSeconds:0.0} s; first cart (full compile) {compile.Elapsed.TotalMilliseconds:0} ms; {Edits} edits, {derived} priced through a derived set"));
        output.WriteLine($"edit -> first priced cart, wall ms: {Summary(wall)}");
        output.WriteLine($"edit -> first priced cart, process CPU ms: {Summary(cpu)}");
        output.WriteLine($"the same cart unchanged, wall ms: {Summary(unchangedWall)}");
        output.WriteLine($"the same cart unchanged, process CPU ms: {Summary(unchangedCpu)}");
        output.WriteLine($"the loader alone, wall ms: {Summary(loaderWall)}");
        output.WriteLine($"the loader alone, process CPU ms: {Summary(loaderCpu)}");
        output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    // Copies of the seed with ids, names and products of their own, in one statement (fast, not through HTTP).
    private async Task SeedCopiesAsync(string tenant, string seed)
    {
        await using var connection = await fixture.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
            INSERT INTO offers (tenant, id, type, name, name_key, kind, active, valid_from, valid_to, segment_key, segment_value,
                external_id, document, version, created_at, created_by, updated_at, updated_by)
            SELECT o.tenant, 'eeeeeeee-0000-4000-8000-' || (100000000000 + n.i), o.type, 'Copy ' || n.i, 'COPY ' || n.i,
                o.kind, o.active, o.valid_from, o.valid_to, o.segment_key, o.segment_value, NULL,
                replace(replace(replace(o.document, o.id, 'eeeeeeee-0000-4000-8000-' || (100000000000 + n.i)), '"Seed"', '"Copy ' || n.i || '"'),
                    '"PEDIT"', '"P' || (n.i % @products) || '"'),
                o.version, o.created_at, o.created_by, o.updated_at, o.updated_by
            FROM offers o, n WHERE o.tenant = @tenant AND o.id = @seed
            """,
            new { tenant, seed, count = Promotions, products = Products },
            commandTimeout: 600);
    }

    private static async Task<decimal> TotalAsync(HttpClient client) =>
        (decimal)(await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", Cart)).ExpectAsync(200))["total"]!;

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"first {values[0]:0.00}, p50 {At(0.5):0.00}, p99 {At(0.99):0.00}, max {sorted[^1]:0.00} (n = {values.Count})");
    }
}

public sealed class OneEditSqliteMeasurements(SqliteApiFixture fixture, ITestOutputHelper output)
    : OneEditMeasurements(fixture, output), IClassFixture<SqliteApiFixture>;

public sealed class OneEditPostgresMeasurements(PostgresApiFixture fixture, ITestOutputHelper output)
    : OneEditMeasurements(fixture, output), IClassFixture<PostgresApiFixture>;

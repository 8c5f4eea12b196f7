using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.CartLog;
using Storewise.Api.Simulations;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Simulations;

/// <summary>
/// Simulations (docs/decisions/0704-simulations.md) over a seeded cart log: totals checked against the cart
/// endpoint, the store filter, cancel, a restart in the middle and a job that keeps failing.
/// </summary>
public abstract class SimulationTests(ApiFixture fixture)
{
    private const string SimulationsPath = "/v0/promotions/simulations";

    private static readonly string[] Carts =
    [
        """{"currency":"EUR","customerId":"c1","storeId":"s1","items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}""",
        """{"currency":"EUR","customerId":"c2","storeId":"s2","items":[{"id":"a","productId":"p2","quantity":3,"price":12.5},{"id":"b","productId":"p1","quantity":1,"price":9.99}]}""",
        """{"currency":"EUR","customerId":"c3","storeId":"s1","shippingCost":5,"items":[{"id":"a","productId":"p2","quantity":1,"price":40}]}""",
        """{"currency":"USD","customerId":"c4","storeId":"s2","items":[{"id":"a","productId":"p1","quantity":2,"price":30}]}""",
        """{"currency":"EUR","customerId":"c5","items":[{"id":"a","productId":"p3","quantity":7,"price":3.33}]}""",
    ];

    [Fact]
    public async Task Before_and_after_totals_match_the_cart_endpoint_priced_as_is_and_with_the_preview()
    {
        var (client, ten) = await SeedAsync();
        var preview = Preview(ten);

        var started = await StartAsync(client, $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{preview}}}""");
        Assert.Equal("QUEUED", (string?)started["status"]);
        Assert.Equal(5, (long)started["progress"]!["total"]!);
        await RunAllAsync();
        var done = await GetAsync(client, (string)started["id"]!);
        Assert.Equal("DONE", (string?)done["status"]);
        Assert.Equal(5, (long)done["progress"]!["replayed"]!);

        var results = done["results"]!.AsArray().ToDictionary(r => (string)r!["currency"]!, r => r!);
        Assert.Equal(["EUR", "USD"], results.Keys);
        foreach (var currency in results.Keys)
        {
            var carts = Carts.Where(c => c.Contains($"\"{currency}\"", StringComparison.Ordinal)).ToList();
            var asIs = new List<JsonNode>();
            var changed = new List<JsonNode>();
            foreach (var cart in carts)
            {
                asIs.Add(await PriceAsync(client, cart));
                changed.Add(await PriceAsync(client, cart[..^1] + ",\"preview\":" + preview + "}"));
            }

            var result = results[currency];
            Assert.Equal(carts.Count, (long)result["cartsReplayed"]!);
            Assert.Equal(asIs.Sum(Discount), (decimal)result["discountBefore"]!);
            Assert.Equal(changed.Sum(Discount), (decimal)result["discountAfter"]!);
            var moved = asIs.Zip(changed).Where(p => (decimal)p.First["total"]! != (decimal)p.Second["total"]!).ToList();
            Assert.Equal(moved.Count, (long)result["cartsChanged"]!);
            var top = result["topChanges"]!.AsArray();
            Assert.Equal(moved.Count, top.Count);
            Assert.Equal(
                moved.Select(p => Math.Abs((decimal)p.First["total"]! - (decimal)p.Second["total"]!)).OrderDescending(),
                top.Select(t => Math.Abs((decimal)t!["totalBefore"]! - (decimal)t["totalAfter"]!)));

            var offers = result["offers"]!.AsArray().ToDictionary(o => (string)o!["id"]!, o => o!);
            var tenBefore = asIs.Where(a => Applied(a, ten)).ToList();
            Assert.Equal(tenBefore.Count, (long)offers[ten]["cartsBefore"]!);
            Assert.Equal(0, (long)offers[ten]["cartsAfter"]!);
            Assert.Equal(asIs.Sum(a => Amount(a, ten)), (decimal)offers[ten]["amountBefore"]!);
            Assert.Equal(changed.Sum(a => Amount(a, "preview-0")), (decimal)offers["preview-0"]["amountAfter"]!);
            Assert.Equal(changed.Count(a => Applied(a, "preview-0")), (long)offers["preview-0"]["cartsAfter"]!);
        }

        Assert.True((long)results["EUR"]["cartsChanged"]! > 0);
    }

    [Fact]
    public async Task The_store_filter_replays_only_that_stores_carts()
    {
        var (client, ten) = await SeedAsync();
        var started = await StartAsync(client, $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","stores":["s2"],"preview":{{Preview(ten)}}}""");
        Assert.Equal(2, (long)started["progress"]!["total"]!);
        await RunAllAsync();
        var done = await GetAsync(client, (string)started["id"]!);
        Assert.Equal(["s2"], done["stores"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(2, done["results"]!.AsArray().Sum(r => (long)r!["cartsReplayed"]!));
    }

    [Fact]
    public async Task A_cancelled_job_is_never_run_and_a_finished_one_cannot_be_cancelled()
    {
        var (client, ten) = await SeedAsync();
        var queued = await StartAsync(client, $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}""");
        var id = (string)queued["id"]!;
        var cancelled = await (await client.PostAsync(new Uri($"{SimulationsPath}/{id}/cancel", UriKind.Relative), null)).ExpectAsync(200);
        Assert.Equal("CANCELLED", (string?)cancelled["status"]);
        Assert.NotNull(cancelled["finishedAt"]);
        Assert.Null(await ClaimAsync("worker-a"));
        Assert.Equal("CANCELLED", (string?)(await GetAsync(client, id))["status"]);

        // Cancelled while running: the worker's next batch finds it so and stops.
        var running = (string)(await StartAsync(client, $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}"""))["id"]!;
        var replay = await Runner.StartAsync((await ClaimAsync("worker-a"))!, "worker-a", CancellationToken.None);
        Assert.True(await replay!.NextBatchAsync(CancellationToken.None));
        await (await client.PostAsync(new Uri($"{SimulationsPath}/{running}/cancel", UriKind.Relative), null)).ExpectAsync(200);
        Assert.False(await replay.NextBatchAsync(CancellationToken.None));
        var stopped = await GetAsync(client, running);
        Assert.Equal("CANCELLED", (string?)stopped["status"]);
        Assert.Equal(2, (long)stopped["progress"]!["replayed"]!);

        var finished = (string)(await StartAsync(client, """{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z"}"""))["id"]!;
        await RunAllAsync();
        var conflict = await (await client.PostAsync(new Uri($"{SimulationsPath}/{finished}/cancel", UriKind.Relative), null)).ExpectAsync(409);
        Assert.StartsWith("status:", (string?)conflict["message"]);
    }

    [Fact]
    public async Task A_job_whose_worker_died_mid_way_resumes_after_its_lease_and_ends_with_the_same_results()
    {
        var (client, ten) = await SeedAsync();
        var body = $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}""";
        var reference = (string)(await StartAsync(client, body))["id"]!;
        await RunAllAsync();

        var id = (string)(await StartAsync(client, body))["id"]!;
        var crashed = await Runner.StartAsync((await ClaimAsync("crashed"))!, "crashed", CancellationToken.None);
        Assert.True(await crashed!.NextBatchAsync(CancellationToken.None));
        var midway = await GetAsync(client, id);
        Assert.Equal(("RUNNING", 2L), ((string)midway["status"]!, (long)midway["progress"]!["replayed"]!));
        Assert.Null(await ClaimAsync("other")); // the lease still holds

        fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var resumed = await ClaimAsync("other");
        Assert.Equal((id, 2L), (resumed!.Id, resumed.Attempts));
        await Runner.RunAsync(resumed, "other", CancellationToken.None);
        Assert.False(await crashed.NextBatchAsync(CancellationToken.None)); // the old owner's late write is refused

        var done = await GetAsync(client, id);
        Assert.Equal("DONE", (string?)done["status"]);
        Assert.Equal(5, (long)done["progress"]!["replayed"]!);
        Assert.True(JsonNode.DeepEquals((await GetAsync(client, reference))["results"], done["results"]));
    }

    [Fact]
    public async Task A_job_interrupted_too_often_is_marked_failed_not_left_running()
    {
        var (client, ten) = await SeedAsync();
        var id = (string)(await StartAsync(client, $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}"""))["id"]!;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.NotNull(await Runner.StartAsync((await ClaimAsync($"dies-{attempt}"))!, $"dies-{attempt}", CancellationToken.None));
            fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Null(await Runner.StartAsync((await ClaimAsync("last"))!, "last", CancellationToken.None));
        var failed = await GetAsync(client, id);
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Contains("3 interrupted attempts", (string?)failed["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var range = await (await client.SendJsonAsync(HttpMethod.Post, SimulationsPath, """{"from":"2030-01-02T00:00:00Z","to":"2030-01-01T00:00:00Z"}""")).ExpectAsync(400);
        Assert.Equal("to: must be after from", (string?)range["message"]);
        var offer = await (await client.SendJsonAsync(HttpMethod.Post, SimulationsPath, """
            {"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{"offers":[{"name":"x","validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":0}}]}}
            """)).ExpectAsync(400);
        Assert.StartsWith("preview.offers[0].category.discount:", (string?)offer["message"]);
        var unknown = await (await client.SendJsonAsync(HttpMethod.Post, SimulationsPath, """{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{"exclude":["gone"]}}""")).ExpectAsync(400);
        Assert.Equal("preview.exclude[0]: no promotion or coupon has the id 'gone'", (string?)unknown["message"]);
        await (await client.GetAsync(new Uri($"{SimulationsPath}/nope", UriKind.Relative))).ExpectAsync(404);
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_and_delete_cancels_one_that_has_not_finished()
    {
        var (client, ten) = await SeedAsync();
        var body = $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}""";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await StartAsync(client, body))["id"]!);
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await (await client.GetAsync(new Uri($"{SimulationsPath}?count=2&page=1", UriKind.Relative))).ExpectAsync(200);
        Assert.Equal([ids[2], ids[1]], first["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Equal(3, (long)first["pagination"]!["total"]!);
        var second = await (await client.GetAsync(new Uri($"{SimulationsPath}?count=2&page=2", UriKind.Relative))).ExpectAsync(200);
        Assert.Equal([ids[0]], second["items"]!.AsArray().Select(j => (string)j!["id"]!));
        Assert.Empty((await (await fixture.Client(ApiFixture.NewTenant()).GetAsync(new Uri($"{SimulationsPath}?count=10&page=1", UriKind.Relative))).ExpectAsync(200))["items"]!.AsArray());

        // Queued: cancelled at once; a second DELETE answers the same.
        Assert.Equal("CANCELLED", (string?)(await (await client.DeleteAsync(new Uri($"{SimulationsPath}/{ids[2]}", UriKind.Relative))).ExpectAsync(200))["status"]);
        Assert.Equal("CANCELLED", (string?)(await (await client.DeleteAsync(new Uri($"{SimulationsPath}/{ids[2]}", UriKind.Relative))).ExpectAsync(200))["status"]);

        // Running: the worker stops within its next batch.
        var replay = await Runner.StartAsync((await ClaimAsync("worker-a"))!, "worker-a", CancellationToken.None);
        Assert.Equal(ids[0], replay!.Job.Id);
        Assert.True(await replay.NextBatchAsync(CancellationToken.None));
        await (await client.DeleteAsync(new Uri($"{SimulationsPath}/{ids[0]}", UriKind.Relative))).ExpectAsync(200);
        Assert.False(await replay.NextBatchAsync(CancellationToken.None));
        Assert.Equal(("CANCELLED", 2L), ((string)(await GetAsync(client, ids[0]))["status"]!, (long)(await GetAsync(client, ids[0]))["progress"]!["replayed"]!));

        // Done: 409; unknown: 404.
        await RunAllAsync();
        Assert.Equal("DONE", (string?)(await GetAsync(client, ids[1]))["status"]);
        var conflict = await (await client.DeleteAsync(new Uri($"{SimulationsPath}/{ids[1]}", UriKind.Relative))).ExpectAsync(409);
        Assert.StartsWith("status:", (string?)conflict["message"]);
        await (await client.DeleteAsync(new Uri($"{SimulationsPath}/nope", UriKind.Relative))).ExpectAsync(404);
    }

    [Fact]
    public async Task A_job_that_ends_writes_its_event_with_the_job_as_the_api_shows_it()
    {
        var (client, ten) = await SeedAsync();
        var body = $$"""{"from":"2030-01-01T00:00:00Z","to":"2030-01-02T00:00:00Z","preview":{{Preview(ten)}}}""";
        var done = (string)(await StartAsync(client, body))["id"]!;
        var cancelled = (string)(await StartAsync(client, body))["id"]!;
        await (await client.DeleteAsync(new Uri($"{SimulationsPath}/{cancelled}", UriKind.Relative))).ExpectAsync(200);
        await RunAllAsync();

        var events = await EventsAsync();
        var finished = Assert.Single(events, e => (string)e["type"]! == "simulation.finished" && (string)e["subjectId"]! == done);
        Assert.Equal(done, (string)finished["subjectId"]!);
        Assert.Equal((await GetAsync(client, done)).ToJsonString(), finished["data"]!.ToJsonString());
        var stopped = Assert.Single(events, e => (string)e["type"]! == "simulation.cancelled" && (string)e["subjectId"]! == cancelled);
        Assert.Equal(cancelled, (string)stopped["subjectId"]!);
        Assert.Equal("CANCELLED", (string?)stopped["data"]!["status"]);

        // A job interrupted too often is failed, and says so.
        var failing = (string)(await StartAsync(client, body))["id"]!;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.NotNull(await Runner.StartAsync((await ClaimAsync($"dies-{attempt}"))!, $"dies-{attempt}", CancellationToken.None));
            fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Null(await Runner.StartAsync((await ClaimAsync("last"))!, "last", CancellationToken.None));
        Assert.Equal("FAILED", (string?)(await GetAsync(client, failing))["status"]);
        var failed = Assert.Single(await EventsAsync(), e => (string)e["type"]! == "simulation.failed" && (string)e["subjectId"]! == failing);
        Assert.Equal("FAILED", (string?)failed["data"]!["status"]);
    }

    // Every simulation event in the outbox, as receivers would get it (job ids are unique across tenants).
    private async Task<List<JsonNode>> EventsAsync()
    {
        await using var connection = await fixture.Database.OpenAsync();
        var payloads = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT payload FROM outbox_events WHERE type LIKE 'simulation.%' ORDER BY occurred_at, id");
        return [.. payloads.Select(p => JsonNode.Parse(p)!)];
    }

    private SimulationRunner Runner => fixture.Services.GetRequiredService<SimulationRunner>();

    // A running 10 % cart promotion and a 20 % one on p2; the change drops the first and adds 5 % on the cart.
    private static string Preview(string ten) => $$"""
        {"exclude":["{{ten}}"],"offers":[{"name":"Five","active":true,"validFrom":"2020-01-01T00:00:00Z",
         "category":{"kind":"CartLevelPercentage","discount":5},"currencies":[{"code":"EUR"},{"code":"USD"}]}]}
        """;

    private async Task<(HttpClient Client, string Ten)> SeedAsync()
    {
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        fixture.Clock.MoveForwardTo(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var ten = await CreateAsync(client, """
            {"name":"Ten","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR"},{"code":"USD"}]}
            """);
        await CreateAsync(client, """
            {"name":"P2","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"ProductLevelPercentage","discount":20,"includedProducts":["p2"]},
             "currencies":[{"code":"EUR"}]}
            """);
        await (await client.PutJsonAsync("/v0/promotions/configuration/cart-log", JsonNode.Parse("""{"sampleRate":1}""")!)).ExpectAsync(200);
        foreach (var cart in Carts)
        {
            await PriceAsync(client, cart);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await using (var connection = await fixture.Database.OpenAsync())
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await CartLogStore.CountAsync(connection, tenant, long.MinValue, long.MaxValue, []) < Carts.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        return (client, ten);
    }

    private Task<SimulationRow?> ClaimAsync(string owner)
    {
        var now = fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        return SimulationStore.TryClaimAsync(fixture.Database, owner, now, now + 30_000, CancellationToken.None);
    }

    private async Task RunAllAsync()
    {
        while (await ClaimAsync("worker") is { } job)
        {
            await Runner.RunAsync(job, "worker", CancellationToken.None);
        }
    }

    private static async Task<string> CreateAsync(HttpClient client, string body) =>
        (string)(await (await client.SendJsonAsync(HttpMethod.Post, OfferBodies.PromotionsPath, body)).ExpectAsync(201))["promotion"]!["id"]!;

    private static async Task<JsonNode> StartAsync(HttpClient client, string body) =>
        await (await client.SendJsonAsync(HttpMethod.Post, SimulationsPath, body)).ExpectAsync(202);

    private static async Task<JsonNode> GetAsync(HttpClient client, string id) =>
        await (await client.GetAsync(new Uri($"{SimulationsPath}/{id}", UriKind.Relative))).ExpectAsync(200);

    private static async Task<JsonNode> PriceAsync(HttpClient client, string cart) =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", cart)).ExpectAsync(200);

    private static decimal Discount(JsonNode cart) =>
        (decimal)cart["discountTotal"]! + cart["shippingDiscounts"]!.AsArray().Sum(d => (decimal)d!["amount"]!);

    private static IEnumerable<JsonNode> Entries(JsonNode cart) =>
        cart["items"]!.AsArray().SelectMany(i => i!["discounts"]!.AsArray()).Concat(cart["shippingDiscounts"]!.AsArray()).Select(d => d!);

    private static bool Applied(JsonNode cart, string id) => Entries(cart).Any(d => (string?)d["id"] == id);

    private static decimal Amount(JsonNode cart, string id) => Entries(cart).Where(d => (string?)d["id"] == id).Sum(d => (decimal)d["amount"]!);
}

public sealed class SimulationSqliteTests(SimulationSqliteFixture fixture) : SimulationTests(fixture), IClassFixture<SimulationSqliteFixture>;

public sealed class SimulationPostgresTests(SimulationPostgresFixture fixture) : SimulationTests(fixture), IClassFixture<SimulationPostgresFixture>;

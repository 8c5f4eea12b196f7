using System.Diagnostics;
using Dapper;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// Reservations racing across three server processes sharing one PostgreSQL database: limits and budgets are never
/// passed, counters always equal the ledger, and a killed process loses nothing it acknowledged.
/// </summary>
public sealed class MultiInstanceReservationTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private const int Rounds = 200;
    private const int Racers = 64;

    private static string Cart(string customer, decimal price, string store = "s") => $$"""
        {"currency":"EUR","customerId":"{{customer}}","storeId":"{{store}}","items":[{"id":"a","productId":"a","quantity":1,"price":{{price.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}
        """;

    private static async Task<string> PromotionAsync(HttpClient admin, string usage, string discount = "10")
    {
        var body = $$"""
            {"name":"Limited {{Guid.NewGuid():N}}","active":true,"validFrom":"2020-01-01T00:00:00Z",
             "category":{"kind":"CartLevelPercentage","discount":{{discount}}},"currencies":[{"code":"EUR","minimumCartValue":0}],{{usage}}}
            """;
        var created = await (await admin.PostAsync("/v0/promotions/promotion", HttpJson.Body(body))).ExpectAsync(201);
        return (string)created["promotion"]!["id"]!;
    }

    private async Task RunWithServersAsync(string tenant, Func<HttpClient[], ServerProcess[], Task> test)
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(fixture.Settings())));
        var clients = servers.Select(s => s.Client(fixture.Token(tenant))).ToArray();
        try
        {
            await test(clients, servers);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Sixty_four_reservations_of_the_last_unit_have_exactly_one_winner_in_every_round()
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        // A count budget of one per store: each round races for the one unit of a store of its own.
        var offer = await PromotionAsync(admin, "\"budget\":{\"redemptions\":1,\"perStore\":true}");
        await RunWithServersAsync(tenant, async (clients, _) =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                using var start = new SemaphoreSlim(0);
                var racers = Enumerable.Range(0, Racers).Select(async i =>
                {
                    await start.WaitAsync();
                    using var response = await clients[i % clients.Length].ReserveAsync($"r{round}-{i}", Cart("c", 100m, $"store-{round}"));
                    var body = await response.ExpectAsync(201);
                    return (decimal)body["cart"]!["discountTotal"]!;
                }).ToList();
                start.Release(racers.Count);
                var discounts = await Task.WhenAll(racers);

                // One unit: one winner, everyone else priced without the offer.
                Assert.Single(discounts, d => d == 10.00m);
                Assert.All(discounts.Where(d => d != 10.00m), d => Assert.Equal(0.00m, d));
            }

            Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, $"uses:store-{Rounds - 1}:total"));
            Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
        });
    }

    [Fact]
    public async Task A_money_budget_of_1000_is_never_passed_and_is_spent_down_to_less_than_one_discount()
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        var offer = await PromotionAsync(admin, "\"budget\":{\"amounts\":[{\"currency\":\"EUR\",\"amount\":1000}]}", "50");
        await RunWithServersAsync(tenant, async (clients, _) =>
        {
            var random = new Random(7);
            var prices = Enumerable.Range(0, 300).Select(_ => random.Next(1_000, 12_000) / 100m).ToArray(); // discounts 5.00–60.00
            var held = await Task.WhenAll(prices.Select(async (price, i) =>
            {
                using var response = await clients[i % clients.Length].ReserveAsync($"m-{i}", Cart("c", price));
                return (decimal)(await response.ExpectAsync(201))["cart"]!["discountTotal"]!;
            }));

            var largest = prices.Max() / 2;
            Assert.True(held.Sum() <= 1000.00m, $"held {held.Sum()}");
            Assert.True(held.Sum() >= 1000.00m - largest, $"held only {held.Sum()} while demand was {prices.Sum() / 2}");
            Assert.Equal((long)(held.Sum() * 100), await ReservationApi.CounterAsync(fixture, tenant, offer, "money::total:EUR"));
            Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
        });
    }

    [Fact]
    public async Task A_storm_of_reserve_confirm_release_expire_and_rollback_leaves_every_counter_equal_to_the_ledger()
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        await PromotionAsync(admin, "\"limits\":{\"maxRedemptions\":40,\"maxRedemptionsPerCustomer\":3}");
        await PromotionAsync(admin, "\"budget\":{\"amounts\":[{\"currency\":\"EUR\",\"amount\":300}],\"redemptions\":60,\"period\":\"day\"},\"timeZone\":\"America/New_York\"", "5");
        await RunWithServersAsync(tenant, async (clients, _) =>
        {
            var reservations = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
            {
                var client = clients[i % clients.Length];
                var order = $"s-{i % 120}";
                switch (i % 5)
                {
                    case 0 or 1:
                        using (var response = await client.ReserveAsync(order, Cart($"c{i % 17}", 40m + (i % 9)), ttlSeconds: i % 2 == 0 ? 1 : 900))
                        {
                            var body = await response.ReadJsonAsync();
                            if ((int)response.StatusCode == 201)
                            {
                                reservations.Add((string)body["id"]!);
                            }
                        }

                        break;
                    case 2 when reservations.TryPeek(out var id):
                        (await client.ConfirmAsync(id)).Dispose();
                        break;
                    case 3 when reservations.TryTake(out var id):
                        (await client.ReleaseAsync(id)).Dispose();
                        break;
                    default:
                        (await client.RollBackAsync(order)).Dispose();
                        break;
                }
            }));

            // Reservations of one second expire; the sweepers of the three processes release them.
            await WaitUntilAsync(async () => await ReservedPastExpiryAsync(tenant) == 0, TimeSpan.FromSeconds(20));
            Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
        });
    }

    [Fact]
    public async Task Killing_a_process_during_a_reservation_storm_loses_nothing_acknowledged_and_holds_nothing_twice()
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        var offer = await PromotionAsync(admin, "\"limits\":{\"maxRedemptions\":100000}");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await RunWithServersAsync(tenant, async (clients, servers) =>
        {
            var storm = Task.WhenAll(Enumerable.Range(0, 400).Select(async i =>
            {
                try
                {
                    using var response = await clients[i % clients.Length].ReserveAsync($"k-{i}", Cart("c", 50m), ttlSeconds: i % 2 == 0 ? 2 : 900);
                    if ((int)response.StatusCode == 201)
                    {
                        acknowledged.Add((string)(await response.ReadJsonAsync())["id"]!);
                    }
                }
                catch (HttpRequestException)
                {
                    // the killed process: not acknowledged
                }
            }));
            await Task.Delay(300);
            servers[0].Kill();
            await storm;
            await using var restarted = await ServerProcess.StartAsync(fixture.Settings());
            await WaitUntilAsync(async () => await ReservedPastExpiryAsync(tenant) == 0, TimeSpan.FromSeconds(20));
        });

        await using var connection = await fixture.Database.OpenAsync();
        var stored = (await connection.QueryAsync<string>("SELECT id FROM reservations WHERE tenant = @tenant", new { tenant })).ToHashSet();
        Assert.Subset(stored, acknowledged.ToHashSet());
        var liveOrders = await connection.QueryAsync<long>(
            "SELECT COUNT(*) FROM reservations WHERE tenant = @tenant AND status IN ('reserved', 'confirmed') GROUP BY order_id HAVING COUNT(*) > 1", new { tenant });
        Assert.Empty(liveOrders);
        var held = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM reservations WHERE tenant = @tenant AND status = 'reserved'", new { tenant });
        Assert.Equal(held, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    private async Task<long> ReservedPastExpiryAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM reservations WHERE tenant = @tenant AND status = 'reserved' AND expires_at < @now",
            new { tenant, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < timeout, $"not reached within {timeout}");
            await Task.Delay(200);
        }
    }
}

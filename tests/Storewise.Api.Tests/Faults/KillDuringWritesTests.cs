using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Faults;

/// <summary>
/// Issue 9 faults: a server process killed with <c>kill -9</c> in the middle of a redemption storm or an order
/// id burst leaves consistent data behind. After a restart no acknowledged redemption is lost, none is doubled,
/// every code's counter equals its live ledger rows, and no order id is ever issued twice. (The CSV import kill
/// test lives with the import tests.)
/// </summary>
public abstract class KillDuringWritesTests(ApiFixture fixture)
{
    private const int SingleUseCodes = 20;

    [Fact]
    public async Task A_redemption_storm_killed_mid_way_loses_and_doubles_nothing()
    {
        var tenant = ApiFixture.NewTenant();
        var multi = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var single = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        using (var admin = fixture.Client(tenant))
        {
            await admin.CreateCodesAsync(multi, "HOT", "WARM");
            await admin.CreateCodesAsync(single, [.. Enumerable.Range(0, SingleUseCodes).Select(i => $"S{i}")]);
        }

        var token = fixture.Token(tenant);
        var acknowledged = new ConcurrentDictionary<string, string[]>();
        var requests = Enumerable.Range(0, 600).Select(i => ($"order-{i}", Codes(i))).ToList();
        await using (var server = await ServerProcess.StartAsync(fixture.Settings()))
        {
            using var client = server.Client(token);
            var next = -1;
            var workers = Enumerable.Range(0, 12).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests.Count)
                {
                    var (order, codes) = requests[i];
                    try
                    {
                        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", Body(order, codes));
                        if ((int)response.StatusCode == 200)
                        {
                            acknowledged[order] = codes;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // the server is gone
                    }
                }
            }).ToList();

            await WaitForAsync(() => acknowledged.Count >= 60);
            server.Kill();
            await Task.WhenAll(workers);
        }

        Assert.True(acknowledged.Count is >= 60 and < 600, $"{acknowledged.Count} acknowledged: the kill did not land mid-storm");
        await AssertLedgerConsistentAsync(tenant, acknowledged);

        // After a restart, retrying every order is safe: acknowledged ones are refused, the rest apply at most once.
        await using (var restarted = await ServerProcess.StartAsync(fixture.Settings()))
        {
            using var client = restarted.Client(token);
            foreach (var (order, codes) in requests.Take(200))
            {
                using var response = await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", Body(order, codes));
                var status = (int)response.StatusCode;
                Assert.True(status is 200 or 409, $"{order}: {status} {await response.Content.ReadAsStringAsync()}");
                if (acknowledged.ContainsKey(order))
                {
                    Assert.Equal(409, status);
                }
            }
        }

        await AssertLedgerConsistentAsync(tenant, acknowledged);
    }

    [Fact]
    public async Task An_order_id_burst_killed_mid_way_never_repeats_an_id_after_restart()
    {
        var tenant = ApiFixture.NewTenant();
        using (var admin = fixture.Client(tenant))
        {
            await (await admin.SendJsonAsync(HttpMethod.Post, "/v0/config/sales_order/sales_order_generator_sequence",
                """{"value":{"prefix":"NS","size":16,"start":1,"step":1}}""")).ExpectAsync(200);
        }

        var token = fixture.Token(tenant);
        var before = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(fixture.Settings()))
        {
            using var client = server.Client(token);
            var workers = Enumerable.Range(0, 12).Select(async _ =>
            {
                while (true)
                {
                    try
                    {
                        using var response = await client.PostAsync(new Uri("/v0/sales_order/order_id", UriKind.Relative), null);
                        before.Add((string)(await response.ExpectAsync(200))["order_id"]!);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            }).ToList();

            await WaitForAsync(() => before.Count >= 150);
            server.Kill();
            await Task.WhenAll(workers);
        }

        var after = new List<string>();
        await using (var restarted = await ServerProcess.StartAsync(fixture.Settings()))
        {
            using var client = restarted.Client(token);
            for (var i = 0; i < 50; i++)
            {
                using var response = await client.PostAsync(new Uri("/v0/sales_order/order_id", UriKind.Relative), null);
                after.Add((string)(await response.ExpectAsync(200))["order_id"]!);
            }
        }

        var all = before.Concat(after).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, id => Assert.Matches("^NS[0-9]{16}$", id));
        var highestBefore = before.Max(Number);
        Assert.All(after, id => Assert.True(Number(id) > highestBefore, $"{id} issued after the restart is not above {highestBefore}"));
    }

    private static string[] Codes(int i) => (i % 4) switch
    {
        0 => ["HOT"],
        1 => ["WARM", "HOT"],
        2 => [$"S{i % SingleUseCodes}", "HOT"],
        _ => [$"S{i % SingleUseCodes}"],
    };

    private static string Body(string order, string[] codes) =>
        new JsonObject { ["codes"] = new JsonArray([.. codes.Select(c => (JsonNode)c)]), ["orderId"] = order, ["currency"] = "EUR", ["catalogTotal"] = 100 }.ToJsonString();

    private static long Number(string id) => long.Parse(id[2..], CultureInfo.InvariantCulture);

    /// <summary>Counters equal live ledger rows, single-use codes are redeemed at most once, acknowledged redemptions are all there.</summary>
    private async Task AssertLedgerConsistentAsync(string tenant, IReadOnlyDictionary<string, string[]> acknowledged)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var codes = (await connection.QueryAsync<(string Code, long Redemptions, long Live)>(
            """
            SELECT c.code AS Code, c.redemptions AS Redemptions,
                   (SELECT count(*) FROM redemptions r WHERE r.tenant = c.tenant AND r.code_id = c.id AND r.rolled_back_at IS NULL) AS Live
            FROM coupon_codes c WHERE c.tenant = @tenant
            """,
            new { tenant })).ToList();
        Assert.All(codes, c => Assert.True(c.Redemptions == c.Live, $"{c.Code}: counter {c.Redemptions}, live ledger rows {c.Live}"));
        Assert.All(codes.Where(c => c.Code.StartsWith('S')), c => Assert.True(c.Live <= 1, $"single-use {c.Code} redeemed {c.Live} times"));

        var ledger = (await connection.QueryAsync<(string Order, string Code)>(
            "SELECT order_id AS \"Order\", code AS Code FROM redemptions WHERE tenant = @tenant AND rolled_back_at IS NULL", new { tenant })).ToList();
        Assert.Equal(ledger.Count, ledger.Distinct().Count());
        var stored = ledger.ToLookup(r => r.Order, r => r.Code.ToUpperInvariant());
        foreach (var (order, sent) in acknowledged)
        {
            Assert.Equal(sent.Order(StringComparer.Ordinal), stored[order].Order(StringComparer.Ordinal));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the storm did not get going");
            await Task.Delay(5);
        }
    }
}

public sealed class KillDuringWritesSqliteTests(SqliteApiFixture fixture) : KillDuringWritesTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class KillDuringWritesPostgresTests(PostgresApiFixture fixture) : KillDuringWritesTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// Redemptions racing across two server processes on one database: the redemption route holds its count limits in
/// the ledger like a reservation, so no limit kind is passed, and the losers are refused with the limit's reason.
/// </summary>
public abstract class MultiInstanceRedemptionTests(ApiFixture fixture)
{
    private const int Rounds = 4;
    private const int Racers = 24;

    public static TheoryData<string, int, string, string> Limits => new()
    {
        // usage terms, how many may win, the losers' reason, whose consumer ids the racers send
        { "\"limits\":{\"maxRedemptions\":3}", 3, "limit_reached", "distinct" },
        { "\"limits\":{\"maxRedemptionsPerCode\":2}", 2, "limit_reached", "distinct" },
        { "\"limits\":{\"maxRedemptionsPerCustomer\":1}", 1, "customer_limit_reached", "one customer" },
        { "\"budget\":{\"redemptions\":2,\"period\":\"day\"},\"timeZone\":\"America/New_York\"", 2, "budget_exhausted", "distinct" },
    };

    private static string Redemption(string orderId, string code, string consumerId) =>
        new JsonObject
        {
            ["codes"] = new JsonArray(code),
            ["orderId"] = orderId,
            ["consumerId"] = consumerId,
            ["channelType"] = "store",
            ["catalogTotal"] = 100,
            ["currency"] = "EUR",
        }.ToJsonString();

    // One customer spelled as several clients send it: case and surrounding white space differ, beyond ASCII too.
    private static readonly string[] OneCustomer = ["Ärger@x", "ärger@X ", " ÄRGER@X", "ärger@x"];

    private static async Task<string> CouponWithCodeAsync(HttpClient admin, string usage, string code)
    {
        var body = $$"""
            {"name":"Raced {{code}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR","minimumCartValue":0}],{{usage}}}
            """;
        var created = await (await admin.PostAsync("/v0/promotions/coupon", HttpJson.Body(body))).ExpectAsync(201);
        var id = (string)created["coupon"]!["id"]!;
        await admin.CreateCodesAsync(id, code);
        return id;
    }

    private async Task WithTwoServersAsync(string tenant, Func<HttpClient[], Task> test)
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ServerProcess.StartAsync(fixture.Settings())));
        var clients = servers.Select(s => s.Client(fixture.Token(tenant))).ToArray();
        try
        {
            await test(clients);
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

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Racing_redemptions_never_pass_the_limit(string usage, int winners, string reason, string customers)
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        var codes = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            codes.Add($"RACE{round}X{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}");
            await CouponWithCodeAsync(admin, usage, codes[^1]);
        }

        await WithTwoServersAsync(tenant, async clients =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                using var start = new SemaphoreSlim(0);
                var code = codes[round];
                var racers = Enumerable.Range(0, Racers).Select(async i =>
                {
                    await start.WaitAsync();
                    var consumer = customers == "one customer" ? OneCustomer[i % OneCustomer.Length] : $"c-{i}";
                    using var response = await clients[i % clients.Length].PostAsync(
                        RedemptionApi.Url, HttpJson.Body(Redemption($"o{round}-{i}", code, consumer)));
                    var body = await response.ReadJsonAsync();
                    return ((int)response.StatusCode, (string?)body["code"]);
                }).ToList();
                start.Release(racers.Count);
                var answers = await Task.WhenAll(racers);

                Assert.Equal(winners, answers.Count(a => a.Item1 == 200));
                Assert.All(answers.Where(a => a.Item1 != 200), a => Assert.Equal((409, reason), a));
            }
        });

        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task Reservations_and_redemptions_racing_for_the_last_uses_never_pass_the_limit()
    {
        var tenant = ApiFixture.NewTenant();
        using var admin = fixture.Client(tenant);
        const string code = "MIXED";
        await CouponWithCodeAsync(admin, "\"limits\":{\"maxRedemptions\":4}", code);

        await WithTwoServersAsync(tenant, async clients =>
        {
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, Racers).Select(async i =>
            {
                await start.WaitAsync();
                var client = clients[i % clients.Length];
                if (i % 2 == 0)
                {
                    using var redeemed = await client.PostAsync(RedemptionApi.Url, HttpJson.Body(Redemption($"m-{i}", code, $"c-{i}")));
                    return (int)redeemed.StatusCode == 200;
                }

                var cart = $$"""{"currency":"EUR","customerId":"c-{{i}}","couponCodes":["{{code}}"],"items":[{"id":"a","productId":"a","quantity":1,"price":50}]}""";
                using var reserved = await client.ReserveAsync($"m-{i}", cart);
                return (decimal)(await reserved.ExpectAsync(201))["cart"]!["discountTotal"]! > 0;
            }).ToList();
            start.Release(racers.Count);

            Assert.Equal(4, (await Task.WhenAll(racers)).Count(won => won));
        });

        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
    }
}

public sealed class MultiInstanceRedemptionSqliteTests(SqliteApiFixture fixture) : MultiInstanceRedemptionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class MultiInstanceRedemptionPostgresTests(PostgresApiFixture fixture) : MultiInstanceRedemptionTests(fixture), IClassFixture<PostgresApiFixture>;

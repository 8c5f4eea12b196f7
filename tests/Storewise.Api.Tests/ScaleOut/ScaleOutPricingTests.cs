using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.ScaleOut;

/// <summary>
/// Three server processes on one PostgreSQL database behave as one service: a change that affects pricing,
/// made through any of them, is priced by every other within one second (issue 8).
/// </summary>
public sealed class ScaleOutPricingTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    private const string Cart = """
        {"currency":"EUR","storeId":"store-1","couponCodes":["SCALE5"],"items":[
          {"id":"a","productId":"p1","quantity":1,"price":100},
          {"id":"b","productId":"p2","quantity":1,"price":50}]}
        """;

    private const string Promotion = """
        {"name":"Ten off p1","active":true,"validFrom":"2020-01-01T00:00:00Z",
         "category":{"kind":"ProductLevelPercentage","discount":10,"includedProducts":["p1"]},
         "currencies":[{"code":"EUR","minimumCartValue":0}]}
        """;

    private const string Coupon = """
        {"name":"Five off p2","active":true,"validFrom":"2020-01-01T00:00:00Z",
         "category":{"kind":"ProductLevelFixed","includedProducts":["p2"],"discounts":[{"amount":5,"currency":"EUR"}]},
         "currencies":[{"code":"EUR","minimumCartValue":0}]}
        """;

    [Fact]
    public async Task Changes_made_through_any_instance_are_priced_by_every_instance_within_one_second()
    {
        var tenant = ApiFixture.NewTenant();
        var servers = await StartServersAsync(3);
        var clients = servers.Select(s => s.Client(fixture.Token(tenant))).ToArray();
        try
        {
            // Created through instance 1, priced through instances 2 and 3.
            var created = await (await clients[0].SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", Promotion)).ExpectAsync(201);
            var promotion = created["promotion"]!;
            var couponId = (string)(await (await clients[0].SendJsonAsync(HttpMethod.Post, "/v0/promotions/coupon", Coupon)).ExpectAsync(201))["coupon"]!["id"]!;
            var codes = await (await clients[0].SendJsonAsync(HttpMethod.Post, $"/v0/promotions/coupon/{couponId}/code", """{"codes":["SCALE5"]}""")).ExpectAsync(201);
            var codeId = (string)codes["codes"]![0]!["id"]!;
            foreach (var client in clients[1..])
            {
                var cart = await PriceAsync(client);
                Assert.Equal("Ten off p1", PromotionOn(cart, 0)?["name"]?.GetValue<string>());
                Assert.Equal(10.00m, (decimal)cart["items"]![0]!["totalDiscount"]!);
                Assert.Equal(5.00m, (decimal)cart["items"]![1]!["totalDiscount"]!);
                Assert.Equal(135.00m, (decimal)cart["total"]!);
            }

            // Edited through instance 2 (renamed and limited to carts of 200 EUR or more): 1 and 3 follow.
            var edit = promotion.DeepClone().AsObject();
            foreach (var readOnly in new[] { "createdAt", "createdBy", "updatedAt", "updatedBy", "status" })
            {
                edit.Remove(readOnly);
            }

            edit["name"] = "Ten off p1 above 200";
            edit["currencies"] = JsonNode.Parse("""[{"code":"EUR","minimumCartValue":200}]""");
            await (await clients[1].SendJsonAsync(HttpMethod.Put, $"/v0/promotions/promotion/{promotion["id"]}", edit.ToJsonString())).ExpectAsync(200);
            await ExpectWithinAsync([clients[0], clients[2]], "the edited promotion", cart =>
                PromotionOn(cart, 0) is null && (decimal)cart["total"]! == 145.00m);
            var explained = await PriceAsync(clients[2], "?explain=true");
            var notApplied = Assert.Single(explained["notApplied"]!.AsArray());
            Assert.Equal("Ten off p1 above 200", (string?)notApplied!["name"]);
            Assert.Equal("below_minimum_cart_value", (string?)notApplied["reason"]);

            // A code deactivated through instance 3: 1 and 2 reject it as inactive.
            await (await clients[2].SendJsonAsync(HttpMethod.Patch, $"/v0/promotions/coupon/{couponId}/code/{codeId}", """{"active":false}""")).ExpectAsync(200);
            await ExpectWithinAsync([clients[0], clients[1]], "the deactivated code", cart =>
                cart["rejectedCoupons"]!.AsArray().Any(r => (string?)r!["code"] == "SCALE5" && (string?)r["reason"] == "inactive")
                && (decimal)cart["total"]! == 150.00m);

            // Put back in reach: the promotion applies again (edited through instance 1) and p1 is then excluded
            // through instance 1: 2 and 3 stop discounting p1.
            var current = (await (await clients[0].GetAsync(new Uri($"/v0/promotions/promotion/{promotion["id"]}", UriKind.Relative))).ExpectAsync(200))["promotion"]!;
            var restore = current.DeepClone().AsObject();
            foreach (var readOnly in new[] { "createdAt", "createdBy", "updatedAt", "updatedBy", "status" })
            {
                restore.Remove(readOnly);
            }

            restore["currencies"] = JsonNode.Parse("""[{"code":"EUR","minimumCartValue":0}]""");
            await (await clients[0].SendJsonAsync(HttpMethod.Put, $"/v0/promotions/promotion/{promotion["id"]}", restore.ToJsonString())).ExpectAsync(200);
            await ExpectWithinAsync(clients, "the restored promotion", cart => (decimal)cart["items"]![0]!["totalDiscount"]! == 10.00m);

            await (await clients[0].SendJsonAsync(HttpMethod.Put, "/v0/promotions/configuration/exclusions", """{"ids":["p1"]}""")).ExpectAsync(201);
            await ExpectWithinAsync([clients[1], clients[2]], "the product exclusion", cart =>
                cart["items"]![0]!["discounts"]!.AsArray().Count == 0 && (decimal)cart["total"]! == 150.00m);
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

    private static async Task<JsonNode> PriceAsync(HttpClient client, string query = "") =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart" + query, Cart)).ExpectAsync(200);

    private static JsonNode? PromotionOn(JsonNode cart, int line) =>
        cart["items"]![line]!["discounts"]!.AsArray().FirstOrDefault(d => (string?)d!["source"] == "promotion");

    /// <summary>Prices the cart on each client until <paramref name="priced"/> holds, for at most one second from now.</summary>
    private static async Task ExpectWithinAsync(IEnumerable<HttpClient> clients, string change, Func<JsonNode, bool> priced)
    {
        var clock = Stopwatch.StartNew();
        foreach (var client in clients)
        {
            JsonNode last;
            while (true)
            {
                last = await PriceAsync(client);
                if (priced(last))
                {
                    break;
                }

                Assert.True(clock.Elapsed < Within, $"{change} was not priced by {client.BaseAddress} within {Within.TotalSeconds} s: {last.ToJsonString()}");
                await Task.Delay(20);
            }
        }
    }

    private async Task<ServerProcess[]> StartServersAsync(int count)
    {
        // A small pool per process: the PostgreSQL server is shared with other test runs.
        var pooled = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { MaxPoolSize = 10 }.ToString();
        var extra = new Dictionary<string, string> { ["ConnectionStrings:Storewise"] = pooled };
        return await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ServerProcess.StartAsync(fixture.Settings(), extra)));
    }
}

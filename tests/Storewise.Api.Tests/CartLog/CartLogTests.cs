using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.CartLog;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.CartLog;

/// <summary>The cart log setting and the sampled, pruned log (docs/decisions/0703-cart-log.md), on both providers.</summary>
public abstract class CartLogTests(ApiFixture fixture)
{
    private const string SettingsPath = "/v0/promotions/configuration/cart-log";

    private const string Cart = """
        {"currency":"EUR","customerId":"cust-7","storeId":"s1","couponCodes":["NOPE"],"shippingCost":4.95,
         "customerAttributes":{"tier":"gold"},"evaluatedAt":"2030-05-01T12:00:00Z",
         "items":[{"id":"a","productId":"p1","quantity":2,"price":19.99,"categories":[{"path":["Shop","Shoes"]}],"name":"Shoe"},
                  {"id":"b","productId":"p2","quantity":1,"price":5}]}
        """;

    [Fact]
    public async Task The_log_is_off_until_set_and_the_setting_is_versioned()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var initial = await (await client.GetAsync(new Uri(SettingsPath, UriKind.Relative))).ExpectAsync(200);
        Assert.Equal(0m, (decimal)initial["sampleRate"]!);
        Assert.Equal(30, (int)initial["retentionDays"]!);
        Assert.Null(initial["version"]);

        var set = await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse("""{"sampleRate":0.25,"retentionDays":7}""")!)).ExpectAsync(200);
        Assert.Equal(0.25m, (decimal)set["sampleRate"]!);
        Assert.Equal(7, (int)set["retentionDays"]!);
        var version = (string)set["version"]!;
        await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse($$"""{"sampleRate":1,"version":"{{Guid.NewGuid()}}"}""")!)).ExpectAsync(409);
        var replaced = await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse($$"""{"sampleRate":1,"version":"{{version}}"}""")!)).ExpectAsync(200);
        Assert.Equal(30, (int)replaced["retentionDays"]!);
        Assert.True(JsonNode.DeepEquals(replaced, await (await client.GetAsync(new Uri(SettingsPath, UriKind.Relative))).ExpectAsync(200)));

        var bad = await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse("""{"sampleRate":1.5,"retentionDays":0}""")!)).ExpectAsync(400);
        Assert.StartsWith("sampleRate:", (string?)bad["message"]);
        Assert.Contains(bad["causes"]!.AsArray(), c => ((string)c!).StartsWith("retentionDays:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sampled_carts_are_stored_with_time_store_and_every_field_and_previews_are_not()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await PriceAsync(client, Cart); // rate 0: not logged
        await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse("""{"sampleRate":1}""")!)).ExpectAsync(200);
        await PriceAsync(client, Cart.Replace("\"storeId\":\"s1\",", "\"storeId\":\"s1\",\"preview\":{},", StringComparison.Ordinal));
        var before = fixture.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await PriceAsync(client, Cart);
        await PriceAsync(client, Cart.Replace("\"evaluatedAt\":\"2030-05-01T12:00:00Z\",", "", StringComparison.Ordinal));

        var entries = await ReadLogAsync(tenant, 2);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.True(e.Position.LoggedAt >= before));
        var logged = LoggedCart.Parse(entries.Single(e => LoggedCart.Parse(e.Cart).At is not null).Cart);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), logged.At);
        var cart = logged.ToCart();
        Assert.Equal(("EUR", "cust-7", "s1", 4.95m), (cart.Currency, cart.CustomerId, cart.StoreId, cart.ShippingCost));
        Assert.Equal(["NOPE"], cart.CouponCodes);
        Assert.Equal("gold", cart.CustomerAttributes!["tier"]);
        Assert.Equal(2, cart.Items.Count);
        Assert.Equal(("a", "p1", 2, 19.99m, "Shoe"), (cart.Items[0].Id, cart.Items[0].ProductId, cart.Items[0].Quantity, cart.Items[0].Price, cart.Items[0].Name));
        Assert.Equal(["Shop", "Shoes"], cart.Items[0].Categories.Single());
        Assert.Empty(cart.Items[1].Categories);
    }

    [Fact]
    public async Task Carts_older_than_the_retention_are_pruned_and_newer_ones_kept()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var start = new DateTimeOffset(2031, 1, 10, 8, 0, 0, TimeSpan.Zero);
        fixture.Clock.SetUtcNow(start);
        await (await client.PutJsonAsync(SettingsPath, JsonNode.Parse("""{"sampleRate":1,"retentionDays":2}""")!)).ExpectAsync(200);
        await PriceAsync(client, Cart);
        await PriceAsync(client, Cart);
        fixture.Clock.SetUtcNow(start.AddDays(2).AddHours(1));
        await PriceAsync(client, Cart);
        await ReadLogAsync(tenant, 3);

        var writer = fixture.Services.GetRequiredService<CartLogWriter>();
        Assert.True(await writer.PruneAsync(fixture.Clock.GetUtcNow(), CancellationToken.None) >= 2);
        var left = await ReadLogAsync(tenant, 1);
        Assert.Equal(start.AddDays(2).AddHours(1).ToUnixTimeMilliseconds(), Assert.Single(left).Position.LoggedAt);
    }

    private static async Task PriceAsync(HttpClient client, string cart) =>
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", cart)).ExpectAsync(200);

    // The log is written in the background: wait (bounded) until the expected number of carts is there.
    private async Task<IReadOnlyList<LoggedCartEntry>> ReadLogAsync(string tenant, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var connection = await fixture.Database.OpenAsync();
            var count = await CartLogStore.CountAsync(connection, tenant, long.MinValue, long.MaxValue, []);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return await CartLogStore.ReadAsync(connection, tenant, long.MinValue, long.MaxValue, [], LogPosition.Start, 1_000);
            }

            await Task.Delay(50);
        }
    }
}

public sealed class CartLogSqliteTests(SqliteApiFixture fixture) : CartLogTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartLogPostgresTests(PostgresApiFixture fixture) : CartLogTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// <c>POST /v0/promotions/cart</c> over HTTP: stored promotions and coupons priced by the engine, request
/// validation, and changes seen by the very next cart.
/// </summary>
public abstract class CartApiTests(ApiFixture fixture)
{
    private const string CartPath = "/v0/promotions/cart";

    private static string Promotion(string name, string category) => $$"""
        {"name":"{{name}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{{category}},
         "currencies":[{"code":"EUR","minimumCartValue":0}]}
        """;

    private static async Task<string> CreateAsync(HttpClient client, string resource, string body)
    {
        var created = await (await client.SendJsonAsync(HttpMethod.Post, $"/v0/promotions/{resource}", body)).ExpectAsync(201);
        return (string)created[resource]!["id"]!;
    }

    private static async Task<JsonNode> PriceAsync(HttpClient client, string cart, string query = "") =>
        await (await client.SendJsonAsync(HttpMethod.Post, CartPath + query, cart)).ExpectAsync(200);

    [Fact]
    public async Task Cart_percentage_promotion_is_taken_once_on_the_total_and_spread_over_lines()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, "promotion", Promotion("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));

        var cart = await PriceAsync(client, """
            {"currency":"EUR","customerId":"c1","items":[
              {"id":"a","productId":"p1","quantity":2,"price":19.99},
              {"id":"b","productId":"p2","quantity":1,"price":5}]}
            """);

        // 10% of 44.98 = 4.498 → 4.50, spread 39.98 : 5.00 by largest remainder → 4.00 + 0.50.
        Assert.Equal(44.98m, (decimal)cart["catalogTotal"]!);
        Assert.Equal(4.50m, (decimal)cart["discountTotal"]!);
        Assert.Equal(40.48m, (decimal)cart["total"]!);
        var first = cart["items"]![0]!;
        Assert.Equal(4.00m, (decimal)first["totalDiscount"]!);
        Assert.Equal(35.98m, (decimal)first["total"]!);
        var entry = first["discounts"]![0]!;
        Assert.Equal("promotion", (string?)entry["source"]);
        Assert.Equal("cart", (string?)entry["level"]);
        Assert.Equal("CartLevelPercentage", (string?)entry["kind"]);
        Assert.Null(entry["couponCode"]);
        Assert.Equal(0.50m, (decimal)cart["items"]![1]!["totalDiscount"]!);
    }

    [Fact]
    public async Task Coupon_code_applies_after_promotions_and_echoes_the_code_as_sent()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, "promotion", Promotion("Half price p1", """{"kind":"ProductLevelPercentage","discount":50,"includedProducts":["p1"]}"""));
        var couponId = await CreateAsync(client, "coupon", """
            {"name":"Five off","active":true,"validFrom":"2020-01-01T00:00:00Z",
             "category":{"kind":"ProductLevelFixed","includedProducts":["p1"],"discounts":[{"amount":5,"currency":"EUR"}]},
             "currencies":[{"code":"EUR","minimumCartValue":0}]}
            """);
        await client.CreateCodesAsync(couponId, "SAVE5");

        var cart = await PriceAsync(client, """
            {"currency":"EUR","couponCodes":["save5","NOPE"],"items":[{"id":"a","productId":"p1","quantity":1,"price":30}]}
            """);

        var discounts = cart["items"]![0]!["discounts"]!.AsArray();
        Assert.Equal(2, discounts.Count);
        Assert.Equal("promotion", (string?)discounts[0]!["source"]);
        Assert.Equal(15.00m, (decimal)discounts[0]!["amount"]!);
        Assert.Equal("coupon", (string?)discounts[1]!["source"]);
        Assert.Equal("save5", (string?)discounts[1]!["couponCode"]);
        Assert.Equal(couponId, (string?)discounts[1]!["id"]);
        Assert.Equal(5.00m, (decimal)discounts[1]!["amount"]!);
        Assert.Equal(10.00m, (decimal)cart["total"]!);
        var rejected = Assert.Single(cart["rejectedCoupons"]!.AsArray());
        Assert.Equal("NOPE", (string?)rejected!["code"]);
        Assert.Equal("not_found", (string?)rejected["reason"]);
    }

    [Fact]
    public async Task A_deactivated_promotion_stops_applying_on_the_next_cart()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Promotion("Two off", """{"kind":"CartLevelFixed","discounts":[{"amount":2,"currency":"EUR"}]}""");
        var created = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", body)).ExpectAsync(201);
        var id = (string)created["promotion"]!["id"]!;
        const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":10}]}""";
        Assert.Equal(8.00m, (decimal)(await PriceAsync(client, Cart))["total"]!);

        var update = JsonNode.Parse(body)!.AsObject();
        update["active"] = false;
        update["version"] = (string?)created["promotion"]!["version"];
        await (await client.SendJsonAsync(HttpMethod.Put, $"/v0/promotions/promotion/{id}", update.ToJsonString())).ExpectAsync(200);

        var after = await PriceAsync(client, Cart, "?explain=true");
        Assert.Equal(10.00m, (decimal)after["total"]!);
        var notApplied = Assert.Single(after["notApplied"]!.AsArray());
        Assert.Equal(id, (string?)notApplied!["id"]);
        Assert.Equal("inactive", (string?)notApplied["reason"]);
    }

    [Fact]
    public async Task A_redeemed_single_use_code_is_rejected_at_once_and_given_back_by_rollback()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var couponId = await CouponSeed.CreateCouponAsync(fixture, tenant, new CouponSpec { SingleUse = true });
        await client.CreateCodesAsync(couponId, "ONCE");
        const string Cart = """{"currency":"EUR","couponCodes":["ONCE"],"items":[{"id":"a","productId":"p","quantity":1,"price":20}]}""";
        Assert.Equal(18.00m, (decimal)(await PriceAsync(client, Cart))["total"]!);

        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption",
            """{"codes":["ONCE"],"orderId":"order-1","consumerId":"c","channelType":"web","catalogTotal":20,"currency":"EUR"}""")).ExpectAsync(200);
        var redeemed = await PriceAsync(client, Cart);
        Assert.Equal(20.00m, (decimal)redeemed["total"]!);
        Assert.Equal("already_redeemed", (string?)redeemed["rejectedCoupons"]![0]!["reason"]);

        await (await client.DeleteAsync("/v0/promotions/redemption/order-1")).ExpectAsync(204);
        Assert.Equal(18.00m, (decimal)(await PriceAsync(client, Cart))["total"]!);
    }

    [Fact]
    public async Task Globally_excluded_products_get_no_discount()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, "promotion", Promotion("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));
        await (await client.SendJsonAsync(HttpMethod.Put, "/v0/promotions/configuration/exclusions", """{"ids":["gift-card"]}""")).ExpectAsync(201);

        var cart = await PriceAsync(client, """
            {"currency":"EUR","items":[{"id":"a","productId":"gift-card","quantity":1,"price":50},{"id":"b","productId":"shoe","quantity":1,"price":50}]}
            """);

        Assert.Empty(cart["items"]![0]!["discounts"]!.AsArray());
        Assert.Equal(5.00m, (decimal)cart["items"]![1]!["totalDiscount"]!);
    }

    [Fact]
    public async Task Promotions_of_another_tenant_never_apply()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(owner, "promotion", Promotion("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));
        using var stranger = fixture.Client(ApiFixture.NewTenant());

        var cart = await PriceAsync(stranger, """{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":10}]}""", "?explain=true");

        Assert.Equal(10.00m, (decimal)cart["total"]!);
        Assert.Empty(cart["notApplied"]!.AsArray());
    }

    [Fact]
    public async Task Money_is_written_at_the_currency_minor_unit()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var eur = await client.SendJsonAsync(HttpMethod.Post, CartPath, """{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":5}]}""");
        using var jpy = await client.SendJsonAsync(HttpMethod.Post, CartPath, """{"currency":"JPY","items":[{"id":"a","productId":"p","quantity":1,"price":500}]}""");

        Assert.Contains("\"price\":5.00", await eur.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var yen = await jpy.Content.ReadAsStringAsync();
        Assert.Contains("\"price\":500,", yen, StringComparison.Ordinal);
        Assert.Contains("\"total\":500,", yen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_contains_only_the_documented_fields_that_were_sent()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var cart = await PriceAsync(client, """
            {"currency":"EUR","storeId":"s1","secret":"x","items":[{"id":"a","productId":"p","quantity":1,"price":1,"colour":"red"}]}
            """);

        Assert.Equal("s1", (string?)cart["storeId"]);
        Assert.False(cart.AsObject().ContainsKey("secret"));
        Assert.False(cart.AsObject().ContainsKey("customerId"));
        Assert.False(cart["items"]![0]!.AsObject().ContainsKey("colour"));
        Assert.Equal(0.00m, (decimal)cart["shippingTotal"]!);
    }

    [Theory]
    [InlineData("""{"items":[]}""", "currency")]
    [InlineData("""{"currency":"XXQ","items":[]}""", "currency")]
    [InlineData("""{"currency":"EUR"}""", "items")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":1.005}]}""", "items[0].price")]
    [InlineData("""{"currency":"JPY","items":[{"id":"a","productId":"p","quantity":1,"price":1.5}]}""", "items[0].price")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":-1}]}""", "items[0].price")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":0,"price":1}]}""", "items[0].quantity")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1.5,"price":1}]}""", "quantity")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":"2","price":1}]}""", "quantity")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":1},{"id":"a","productId":"q","quantity":1,"price":1}]}""", "items[1].id")]
    [InlineData("""{"currency":"EUR","items":[{"productId":"p","quantity":1,"price":1}]}""", "items[0].id")]
    [InlineData("""{"currency":"EUR","shippingCost":4.955,"items":[]}""", "shippingCost")]
    [InlineData("""{"currency":"EUR","shippingCost":-1,"items":[]}""", "shippingCost")]
    [InlineData("""{"currency":"EUR","evaluatedAt":"yesterday","items":[]}""", "evaluatedAt")]
    [InlineData("""{"currency":"EUR","items":[{"id":"a","productId":"p","quantity":1,"price":1e400}]}""", "price")]
    [InlineData("""{"currency":"EUR","items":[""", "is not valid JSON")]
    public async Task Bad_carts_are_400_naming_the_field(string body, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var error = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, body)).ExpectAsync(400);
        Assert.Equal(400, (int?)error["status"]);
        Assert.Contains(field, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Carts_over_the_line_limit_are_400()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var lines = string.Join(',', Enumerable.Range(0, 1001).Select(i => $$"""{"id":"l{{i}}","productId":"p","quantity":1,"price":1}"""));
        var error = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, $$"""{"currency":"EUR","items":[{{lines}}]}""")).ExpectAsync(400);
        Assert.Contains("items", (string?)error["message"], StringComparison.Ordinal);
    }
}

public sealed class CartApiSqliteTests(SqliteApiFixture fixture) : CartApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartApiPostgresTests(PostgresApiFixture fixture) : CartApiTests(fixture), IClassFixture<PostgresApiFixture>;

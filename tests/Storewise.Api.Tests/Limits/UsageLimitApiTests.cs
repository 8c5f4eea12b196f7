using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Limits;

/// <summary>Offers with <c>limits</c>, <c>budget</c> and <c>timeZone</c> over HTTP (docs/pricing-semantics.md, "Limits and budgets").</summary>
public abstract class UsageLimitApiTests(ApiFixture fixture)
{
    private const string CouponsPath = "/v0/promotions/coupon";
    private const string PromotionsPath = "/v0/promotions/promotion";
    private const string CartPath = "/v0/promotions/cart?explain=true";

    private static JsonObject Offer(string name, string usage, string category = """{"kind":"CartLevelPercentage","discount":10}""") =>
        JsonNode.Parse($$"""
            {"name":"{{name}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{{category}},
             "currencies":[{"code":"EUR","minimumCartValue":0}]{{usage}}}
            """)!.AsObject();

    private static string Cart(string? customerId, params string[] codes) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["currency"] = "EUR",
            ["customerId"] = customerId,
            ["couponCodes"] = codes,
            ["items"] = new[]
            {
                new { id = "a", productId = "a", quantity = 1, price = 30.00m },
                new { id = "b", productId = "b", quantity = 1, price = 20.00m },
                new { id = "c", productId = "c", quantity = 1, price = 10.00m },
            },
        });

    private async Task<(HttpClient Client, string CouponId)> CouponWithCodeAsync(string usage, string code)
    {
        var client = fixture.Client(ApiFixture.NewTenant());
        var created = await (await client.PostAsync(CouponsPath, HttpJson.Body(Offer("Limited " + code, usage).ToJsonString()))).ExpectAsync(201);
        var id = (string)created["coupon"]!["id"]!;
        await client.CreateCodesAsync(id, code);
        return (client, id);
    }

    private static async Task<JsonNode> PriceAsync(HttpClient client, string? customerId, params string[] codes) =>
        await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Cart(customerId, codes))).ExpectAsync(200);

    private static string? Rejection(JsonNode cart, string code) =>
        (string?)cart["rejectedCoupons"]!.AsArray().SingleOrDefault(r => (string?)r!["code"] == code)?["reason"];

    [Fact]
    public async Task Limits_budget_and_time_zone_are_stored_and_echoed_and_absent_when_not_sent()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var usage = """
            ,"limits":{"maxRedemptions":100,"maxRedemptionsPerCode":3,"maxRedemptionsPerCustomer":1},
             "budget":{"amounts":[{"currency":"EUR","amount":5000}],"redemptions":50,"period":"day","perStore":true},
             "timeZone":"America/New_York"
            """;
        var created = await (await client.PostAsync(CouponsPath, HttpJson.Body(Offer("Echoed", usage).ToJsonString()))).ExpectAsync(201);
        var read = await (await client.GetAsync($"{CouponsPath}/{(string)created["coupon"]!["id"]!}")).ExpectAsync(200);

        var coupon = read["coupon"]!;
        Assert.Equal(100, (int)coupon["limits"]!["maxRedemptions"]!);
        Assert.Equal(3, (int)coupon["limits"]!["maxRedemptionsPerCode"]!);
        Assert.Equal(1, (int)coupon["limits"]!["maxRedemptionsPerCustomer"]!);
        Assert.Equal(5000m, (decimal)coupon["budget"]!["amounts"]![0]!["amount"]!);
        Assert.Equal(50, (int)coupon["budget"]!["redemptions"]!);
        Assert.Equal("day", (string?)coupon["budget"]!["period"]);
        Assert.True((bool)coupon["budget"]!["perStore"]!);
        Assert.Equal("America/New_York", (string?)coupon["timeZone"]);

        var plain = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Plain", "").ToJsonString()))).ExpectAsync(201);
        var promotion = plain["promotion"]!.AsObject();
        Assert.False(promotion.ContainsKey("limits"));
        Assert.False(promotion.ContainsKey("budget"));
        Assert.False(promotion.ContainsKey("timeZone"));
    }

    [Theory]
    [InlineData(CouponsPath, ""","limits":{"maxRedemptions":0}""", "limits.maxRedemptions")]
    [InlineData(CouponsPath, ""","limits":{"maxRedemptionsPerCustomer":-1}""", "limits.maxRedemptionsPerCustomer")]
    [InlineData(CouponsPath, ""","singleUse":true,"limits":{"maxRedemptionsPerCode":2}""", "limits.maxRedemptionsPerCode")]
    [InlineData(PromotionsPath, ""","limits":{"maxRedemptionsPerCode":2}""", "limits.maxRedemptionsPerCode")]
    [InlineData(CouponsPath, ""","budget":{}""", "budget")]
    [InlineData(CouponsPath, ""","budget":{"redemptions":5,"period":"year"}""", "budget.period")]
    [InlineData(CouponsPath, ""","budget":{"amounts":[{"currency":"EUR","amount":0}]}""", "budget.amounts[0].amount")]
    [InlineData(CouponsPath, ""","budget":{"amounts":[{"currency":"euro","amount":5}]}""", "budget.amounts[0].currency")]
    [InlineData(CouponsPath, ""","budget":{"amounts":[{"currency":"USD","amount":5}]}""", "budget.amounts")]
    [InlineData(CouponsPath, ""","timeZone":"Mars/Olympus_Mons" """, "timeZone")]
    public async Task Invalid_limits_are_400_naming_the_field(string path, string usage, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var error = await (await client.PostAsync(path, HttpJson.Body(Offer("Invalid", usage).ToJsonString()))).ExpectAsync(400);

        Assert.Contains(field + ":", (string?)error["message"]);
    }

    [Fact]
    public async Task A_coupon_whose_uses_are_taken_is_rejected_with_limit_reached()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptions":1}""", "ONCE");
        using var _ = client;
        var before = await PriceAsync(client, "cust-1", "ONCE");
        Assert.Null(Rejection(before, "ONCE"));
        Assert.Equal(6.00m, (decimal)before["discountTotal"]!);
        Assert.Equal(1, (int)before["usage"]![0]!["remainingRedemptions"]!);

        await (await client.RedeemAsync("order-1", "ONCE")).ExpectAsync(200);
        var after = await PriceAsync(client, "cust-1", "ONCE");

        Assert.Equal("limit_reached", Rejection(after, "ONCE"));
        Assert.Equal(0.00m, (decimal)after["discountTotal"]!);
        Assert.Equal(0, (int)after["usage"]![0]!["remainingRedemptions"]!);
    }

    [Fact]
    public async Task A_rolled_back_redemption_gives_the_use_back()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptions":1}""", "BACK");
        using var _ = client;
        await (await client.RedeemAsync("order-1", "BACK")).ExpectAsync(200);
        await (await client.RollBackAsync("order-1")).ExpectAsync(204);

        Assert.Null(Rejection(await PriceAsync(client, "cust-1", "BACK"), "BACK"));
    }

    [Fact]
    public async Task A_per_customer_limit_needs_a_customer_and_counts_ids_trimmed_and_case_insensitively()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptionsPerCustomer":1}""", "PERCUST");
        using var _ = client;

        Assert.Equal("customer_required", Rejection(await PriceAsync(client, null, "PERCUST"), "PERCUST"));
        Assert.Null(Rejection(await PriceAsync(client, "cust-1", "PERCUST"), "PERCUST"));

        await (await client.RedeemAsync("order-1", "PERCUST")).ExpectAsync(200); // consumerId cust-1
        Assert.Equal("customer_limit_reached", Rejection(await PriceAsync(client, "  CUST-1 ", "PERCUST"), "PERCUST"));
        Assert.Null(Rejection(await PriceAsync(client, "cust-2", "PERCUST"), "PERCUST"));
    }

    [Fact]
    public async Task A_per_code_limit_counts_the_code_redemptions()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptionsPerCode":1}""", "CODE1");
        using var _ = client;
        await (await client.RedeemAsync("order-1", "CODE1")).ExpectAsync(200);

        Assert.Equal("limit_reached", Rejection(await PriceAsync(client, "cust-1", "CODE1"), "CODE1"));
    }

    [Fact]
    public async Task Redeeming_past_a_per_code_limit_is_409_limit_reached()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptionsPerCode":1}""", "ONCEPERCODE");
        using var _ = client;
        await (await client.RedeemAsync("order-1", "ONCEPERCODE")).ExpectAsync(200);

        var error = await (await client.RedeemAsync("order-2", "ONCEPERCODE")).ExpectAsync(409);

        Assert.Equal("limit_reached", (string?)error["code"]);
    }

    [Fact]
    public async Task Redeeming_a_coupon_whose_uses_are_taken_is_409_limit_reached()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptions":1}""", "ONLYONE");
        using var _ = client;
        await (await client.RedeemAsync("order-1", "ONLYONE")).ExpectAsync(200);

        var error = await (await client.RedeemAsync("order-2", "ONLYONE")).ExpectAsync(409);

        Assert.Equal("limit_reached", (string?)error["code"]);
    }

    [Fact]
    public async Task Redeeming_a_per_customer_coupon_without_a_consumer_is_400_customer_required()
    {
        var (client, _) = await CouponWithCodeAsync(""","limits":{"maxRedemptionsPerCustomer":1}""", "NEEDSCUSTOMER");
        using var _ = client;
        var body = """{"codes":["NEEDSCUSTOMER"],"channelType":"store","catalogTotal":100,"currency":"EUR","orderId":"order-1"}""";

        var error = await (await client.PostAsync(RedemptionApi.Url, HttpJson.Body(body))).ExpectAsync(400);

        Assert.Equal("customer_required", (string?)error["code"]);
    }

    [Fact]
    public async Task A_budget_smaller_than_the_discount_caps_it_by_largest_remainder()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Offer(
            "Capped",
            ""","budget":{"amounts":[{"currency":"EUR","amount":5}],"period":"month"},"timeZone":"Europe/Berlin" """,
            """{"kind":"ProductLevelPercentage","discount":20,"includedProducts":["a","b","c"]}""");
        await (await client.PostAsync(PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(201);

        var cart = await PriceAsync(client, null);

        var items = cart["items"]!.AsArray();
        Assert.Equal([2.50m, 1.67m, 0.83m], items.Select(i => (decimal)i!["totalDiscount"]!));
        Assert.Equal(5.00m, (decimal)cart["discountTotal"]!);
        Assert.Equal(5.00m, (decimal)cart["usage"]![0]!["remainingBudget"]!);
    }

    [Fact]
    public async Task A_cart_without_limited_offers_answers_without_usage()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Unlimited", "").ToJsonString()))).ExpectAsync(201);

        var cart = await PriceAsync(client, null);

        Assert.False(cart.AsObject().ContainsKey("usage"));
        Assert.Equal(6.00m, (decimal)cart["discountTotal"]!);
    }
}

public sealed class UsageLimitApiSqliteTests(SqliteApiFixture fixture) : UsageLimitApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class UsageLimitApiPostgresTests(PostgresApiFixture fixture) : UsageLimitApiTests(fixture), IClassFixture<PostgresApiFixture>;

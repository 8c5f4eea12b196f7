using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Rewards;

/// <summary>Offers with reward and stacking fields over HTTP (docs/pricing-semantics.md, "Rewards and stacking").</summary>
public abstract class RewardApiTests(ApiFixture fixture)
{
    private const string CouponsPath = "/v0/promotions/coupon";
    private const string PromotionsPath = "/v0/promotions/promotion";
    private const string CartPath = "/v0/promotions/cart?explain=true";

    private static string Offer(string name, string fields, string category = """{"kind":"CartLevelPercentage","discount":10}""", string minimum = "0") =>
        $$"""
        {"name":"{{name}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{{category}},
         "currencies":[{"code":"EUR","minimumCartValue":{{minimum}}}]{{fields}}}
        """;

    private static string Cart(string items, params string[] codes) =>
        $$"""{"currency":"EUR","couponCodes":[{{string.Join(",", codes.Select(c => $"\"{c}\""))}}],"items":[{{items}}]}""";

    private static string Line(string id, decimal price, int quantity = 1) =>
        $$"""{"id":"{{id}}","productId":"{{id.ToUpperInvariant()}}","quantity":{{quantity}},"price":{{price.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

    private static async Task<JsonNode> PriceAsync(HttpClient client, string body) =>
        await (await client.SendJsonAsync(HttpMethod.Post, CartPath, body)).ExpectAsync(200);

    private static async Task CreateAsync(HttpClient client, string path, string body) =>
        await (await client.PostAsync(path, HttpJson.Body(body))).ExpectAsync(201);

    [Fact]
    public async Task Reward_and_stacking_fields_are_stored_and_echoed_and_absent_when_not_sent()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var fields = """
            ,"tiers":[{"minimumCartValue":100,"discount":10},{"minimumCartValue":200,"discount":20}],
             "maxDiscount":[{"currency":"EUR","amount":30}],"priority":2,"stackingGroup":"spring","stopFurther":true
            """;
        var created = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Tiered", fields)))).ExpectAsync(201);
        var read = await (await client.GetAsync($"{PromotionsPath}/{(string)created["promotion"]!["id"]!}")).ExpectAsync(200);

        var promotion = read["promotion"]!;
        Assert.Equal(200m, (decimal)promotion["tiers"]![1]!["minimumCartValue"]!);
        Assert.Equal(20m, (decimal)promotion["tiers"]![1]!["discount"]!);
        Assert.Equal(30m, (decimal)promotion["maxDiscount"]![0]!["amount"]!);
        Assert.Equal(2, (int)promotion["priority"]!);
        Assert.Equal("spring", (string?)promotion["stackingGroup"]);
        Assert.True((bool)promotion["stopFurther"]!);

        var plain = (await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Plain", "")))).ExpectAsync(201))["promotion"]!.AsObject();
        foreach (var field in new[] { "tiers", "maxDiscount", "maxQuantity", "buy", "get", "getOrder", "maxApplications", "gifts", "priority", "stackingGroup", "stopFurther" })
        {
            Assert.False(plain.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task Empty_reward_lists_mean_none_as_a_form_that_leaves_them_alone_sends_them()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var created = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Empty lists", ""","tiers":[],"maxDiscount":[],"gifts":[]""")))).ExpectAsync(201);

        var promotion = created["promotion"]!.AsObject();
        foreach (var field in new[] { "tiers", "maxDiscount", "gifts" })
        {
            Assert.False(promotion.ContainsKey(field), field);
        }

        var answer = await PriceAsync(client, Cart(Line("l1", 50m)));
        Assert.Equal(45m, (decimal)answer["total"]!);
    }

    [Theory]
    [InlineData(""","tiers":[{"minimumCartValue":200,"discount":20},{"minimumCartValue":100,"discount":30}]""", "tiers[1].minimumCartValue")]
    [InlineData(""","tiers":[{"minimumCartValue":100,"discount":20},{"minimumCartValue":200,"discount":15}]""", "tiers[1].discount")]
    [InlineData(""","tiers":[{"discount":20}]""", "tiers[0].minimumCartValue")]
    [InlineData(""","tiers":[{"minimumCartValue":100,"discount":120}]""", "tiers[0].discount")]
    [InlineData(""","tiers":[{"minimumQuantity":3,"discount":20}]""", "tiers[0].minimumCartValue")]
    [InlineData(""","maxDiscount":[{"currency":"USD","amount":5}]""", "maxDiscount[0].currency")]
    [InlineData(""","maxDiscount":[{"currency":"EUR","amount":0}]""", "maxDiscount[0].amount")]
    [InlineData(""","maxQuantity":2""", "maxQuantity")]
    [InlineData(""","getOrder":"mostExpensive" """, "getOrder")]
    [InlineData(""","gifts":[{"productId":"MUG"}]""", "gifts")]
    [InlineData(""","stackingGroup":"  " """, "stackingGroup")]
    [InlineData(""","buy":{"quantity":1,"includedProducts":["A"]}""", "buy")]
    public async Task Invalid_fields_on_a_cart_percentage_are_400_naming_the_field(string fields, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Invalid", fields)))).ExpectAsync(400);

        Assert.Contains(field + ":", (string?)error["message"]);
    }

    [Theory]
    [InlineData(""","buy":{"quantity":1,"includedProducts":["A"]},"get":{"includedProducts":["B"]}""", "get.quantity")]
    [InlineData(""","buy":{"quantity":1,"includedProducts":["A"]},"get":{"quantity":1}""", "get.includedProducts")]
    [InlineData(""","get":{"quantity":1,"includedProducts":["B"]}""", "buy")]
    [InlineData(""","buy":{"quantity":1,"includedProducts":[""]},"get":{"quantity":1,"includedProducts":["B"]}""", "buy.includedProducts[0]")]
    [InlineData(""","maxApplications":0""", "maxApplications")]
    [InlineData(""","getOrder":"priciest" """, "getOrder")]
    public async Task Invalid_sets_on_a_bogo_are_400_naming_the_field(string fields, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var bogo = """{"kind":"BogoPercentage","discount":100,"buyQuantity":1,"getQuantity":1,"includedProducts":["A"]}""";

        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Invalid", fields, bogo)))).ExpectAsync(400);

        Assert.Contains(field, (string?)error["message"]);
    }

    [Theory]
    [InlineData("", "gifts")]
    [InlineData(""","gifts":[{"productId":"MUG","quantity":0}]""", "gifts[0].quantity")]
    [InlineData(""","gifts":[{"productId":"MUG"},{"productId":"MUG"}]""", "gifts[1].productId")]
    [InlineData(""","gifts":[{"productId":"MUG"}],"get":{"quantity":1,"includedProducts":["B"]}""", "get")]
    public async Task Invalid_gifts_are_400_naming_the_field(string fields, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Offer("Invalid", fields, """{"kind":"FreeGift"}""")))).ExpectAsync(400);

        Assert.Contains(field + ":", (string?)error["message"]);
    }

    [Fact]
    public async Task A_gift_is_added_to_the_cart_answer_at_price_zero_and_other_answers_have_no_added_items()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, PromotionsPath, Offer("Mug", ""","gifts":[{"productId":"MUG","quantity":1}]""", """{"kind":"FreeGift"}""", minimum: "50"));

        var small = await PriceAsync(client, Cart(Line("c", 40.00m)));
        var large = await PriceAsync(client, Cart(Line("c", 60.00m)));

        Assert.False(small.AsObject().ContainsKey("addedItems"));
        var added = Assert.Single(large["addedItems"]!.AsArray())!;
        Assert.Equal("MUG", (string?)added["productId"]);
        Assert.Equal(1, (int)added["quantity"]!);
        Assert.Equal("0.00", added["price"]!.ToJsonString());
        Assert.Equal("Mug", (string?)added["offerName"]);
        Assert.Equal(60.00m, (decimal)large["total"]!);
    }

    [Fact]
    public async Task A_gift_coupon_already_in_the_cart_is_discounted_to_zero()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await (await client.PostAsync(CouponsPath, HttpJson.Body(Offer("Free mug", ""","gifts":[{"productId":"MUG"}]""", """{"kind":"FreeGift"}""")))).ExpectAsync(201);
        await client.CreateCodesAsync((string)created["coupon"]!["id"]!, "FREEMUG");

        var cart = await PriceAsync(client, Cart($"{Line("c", 20.00m)},{Line("mug", 8.00m)}", "FREEMUG"));

        Assert.False(cart.AsObject().ContainsKey("addedItems"));
        Assert.Equal(0.00m, (decimal)cart["items"]![1]!["total"]!);
        Assert.Empty(cart["rejectedCoupons"]!.AsArray());
    }

    [Fact]
    public async Task Only_the_best_offer_of_a_stacking_group_applies_and_the_others_are_lost_in_group()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, PromotionsPath, Offer("Ten percent", ""","stackingGroup":"spring" """));
        await CreateAsync(client, PromotionsPath, Offer("Fifteen off", ""","stackingGroup":"spring" """, """{"kind":"CartLevelFixed","discount":15}"""));

        var cart = await PriceAsync(client, Cart(Line("a", 100.00m)));

        Assert.Equal(15.00m, (decimal)cart["discountTotal"]!);
        var lost = Assert.Single(cart["notApplied"]!.AsArray())!;
        Assert.Equal("Ten percent", (string?)lost["name"]);
        Assert.Equal("lost_in_group", (string?)lost["reason"]);
    }

    [Fact]
    public async Task A_two_set_bogo_gives_the_most_expensive_unit_of_the_get_set()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var bogo = """{"kind":"BogoPercentage","discount":100,"buyQuantity":1,"getQuantity":1}""";
        await CreateAsync(client, PromotionsPath, Offer(
            "Socks with shoes", ""","buy":{"quantity":2,"includedProducts":["S"]},"get":{"quantity":1,"includedProducts":["K","L"]},"getOrder":"mostExpensive" """, bogo));

        var cart = await PriceAsync(client, Cart($"{Line("s", 60.00m, 2)},{Line("k", 10.00m)},{Line("l", 12.00m)}"));

        Assert.Equal(12.00m, (decimal)cart["discountTotal"]!);
        Assert.Equal(12.00m, (decimal)cart["items"]![2]!["totalDiscount"]!);
    }

    [Fact]
    public async Task A_capped_tier_takes_the_tier_percent_up_to_its_cap()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, PromotionsPath, Offer(
            "Spend more", ""","tiers":[{"minimumCartValue":150,"discount":20}],"maxDiscount":[{"currency":"EUR","amount":12.5}]""", minimum: "100"));

        var below = await PriceAsync(client, Cart(Line("a", 120.00m)));
        var above = await PriceAsync(client, Cart(Line("a", 160.00m)));

        Assert.Equal(12.00m, (decimal)below["discountTotal"]!);
        Assert.Equal(12.50m, (decimal)above["discountTotal"]!);
        Assert.Equal(20m, (decimal)above["items"]![0]!["discounts"]![0]!["value"]!);
    }

    [Fact]
    public async Task An_applied_tiered_offer_below_its_highest_tier_lists_the_value_missing_for_the_next()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, PromotionsPath, Offer(
            "Spend more", ""","tiers":[{"minimumCartValue":150,"discount":15},{"minimumCartValue":200,"discount":20}]""", minimum: "100"));

        var below = await PriceAsync(client, Cart(Line("a", 120.00m)));
        var top = await PriceAsync(client, Cart(Line("a", 250.00m)));
        var quiet = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", Cart(Line("a", 120.00m)))).ExpectAsync(200);

        var next = below["nextTiers"]![0]!;
        Assert.Equal(("promotion", "Spend more"), ((string?)next["source"], (string?)next["name"]));
        Assert.Null(next["couponCode"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"cartValue","missing":30.00,"currency":"EUR"}"""), next["hint"]));
        Assert.Equal(12.00m, (decimal)below["discountTotal"]!);
        Assert.False(top.AsObject().ContainsKey("nextTiers"));
        Assert.False(quiet.AsObject().ContainsKey("nextTiers"));
    }

    [Fact]
    public async Task A_two_set_bogo_short_of_its_buy_set_hints_the_buy_units_missing()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var bogo = """{"kind":"BogoPercentage","discount":100,"buyQuantity":1,"getQuantity":1}""";
        await CreateAsync(client, PromotionsPath, Offer(
            "Socks with shoes", ""","buy":{"quantity":2,"includedProducts":["S"]},"get":{"quantity":1,"includedProducts":["K"]}""", bogo));

        var cart = await PriceAsync(client, Cart($"{Line("s", 60.00m)},{Line("k", 10.00m)}"));

        var entry = cart["notApplied"]![0]!;
        Assert.Equal("no_eligible_items", (string?)entry["reason"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"units","missing":1,"products":["S"]}"""), entry["hint"]));
    }

    [Fact]
    public async Task A_gift_short_of_its_buy_set_hints_the_buy_units_missing()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await CreateAsync(client, PromotionsPath, Offer(
            "Mug with coffee", ""","gifts":[{"productId":"MUG","quantity":1}],"buy":{"quantity":3,"includedProducts":["C"]}""", """{"kind":"FreeGift"}"""));

        var cart = await PriceAsync(client, Cart(Line("c", 9.00m)));

        var entry = cart["notApplied"]![0]!;
        Assert.Equal("no_eligible_items", (string?)entry["reason"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"units","missing":2,"products":["C"]}"""), entry["hint"]));
        Assert.False(cart.AsObject().ContainsKey("addedItems"));
    }
}

public sealed class RewardApiSqliteTests(SqliteApiFixture fixture) : RewardApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class RewardApiPostgresTests(PostgresApiFixture fixture) : RewardApiTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Qualification;

/// <summary><c>POST /v0/promotions/qualification</c> over HTTP (docs/pricing-semantics.md, "Qualification").</summary>
public abstract class QualificationApiTests(ApiFixture fixture)
{
    private const string Path = "/v0/promotions/qualification";

    private static string Body(decimal price, bool includeCoupons = true, string? customerId = "cust-1") => $$"""
        {"cart":{"currency":"EUR","customerId":{{(customerId is null ? "null" : $"\"{customerId}\"")}},
                 "items":[{"id":"a","productId":"p1","quantity":1,"price":{{price.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]},
         "includeCoupons":{{(includeCoupons ? "true" : "false")}}}
        """;

    [Fact]
    public async Task Applied_and_nearly_applied_offers_are_listed_by_saving_with_hints_and_paged()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Ten percent"));
        var minimum = OfferBodies.Body("Five off from 50", OfferBodies.ValidCategories["CartLevelFixed"]);
        minimum["currencies"] = JsonNode.Parse("""[{"code":"EUR","minimumCartValue":50}]""");
        await client.CreateAsync(OfferBodies.PromotionsPath, minimum);
        var coupon = OfferBodies.Body("Coupon fifteen", """{"kind":"CartLevelPercentage","discount":15}""");
        await client.CreateAsync(OfferBodies.CouponsPath, coupon);

        var all = await (await client.SendJsonAsync(HttpMethod.Post, Path, Body(37.60m))).ExpectAsync(200);
        var items = all["items"]!.AsArray();
        Assert.Equal(["Coupon fifteen", "Ten percent", "Five off from 50"], items.Select(i => (string?)i!["name"]));
        Assert.Equal(5.08m, (decimal)items[0]!["saving"]!);
        Assert.Equal(3.76m, (decimal)items[1]!["saving"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"cartValue","missing":12.40,"currency":"EUR"}"""), items[2]!["hint"]));
        Assert.Equal("below_minimum_cart_value", (string?)items[2]!["reason"]);

        var withoutCoupons = await (await client.SendJsonAsync(HttpMethod.Post, Path, Body(37.60m, includeCoupons: false))).ExpectAsync(200);
        Assert.Equal(2, withoutCoupons["items"]!.AsArray().Count);

        var second = await (await client.SendJsonAsync(HttpMethod.Post, Path + "?count=1&page=2", Body(37.60m))).ExpectAsync(200);
        Assert.Equal("Ten percent", (string?)second["items"]![0]!["name"]);
        Assert.Equal(3, (long)second["pagination"]!["total"]!);
    }

    [Fact]
    public async Task A_coupon_without_uses_left_for_this_customer_is_not_listed_and_remaining_uses_are_shown()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = OfferBodies.Body("Once per customer");
        body["limits"] = JsonNode.Parse("""{"maxRedemptions":10,"maxRedemptionsPerCustomer":1}""");
        var created = await client.CreateAsync(OfferBodies.CouponsPath, body);
        var couponId = (string)created["coupon"]!["id"]!;
        await client.CreateCodesAsync(couponId, "ONCE");

        var before = await (await client.SendJsonAsync(HttpMethod.Post, Path, Body(20m))).ExpectAsync(200);
        var entry = before["items"]![0]!;
        Assert.Equal(2.00m, (decimal)entry["saving"]!);
        Assert.Equal(10, (int)entry["usage"]!["remainingRedemptions"]!);
        Assert.Equal(1, (int)entry["usage"]!["remainingCustomerRedemptions"]!);

        var redemption = """{"codes":["ONCE"],"orderId":"o-1","consumerId":"cust-1","channelType":"store","catalogTotal":20,"currency":"EUR"}""";
        await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/redemption", redemption)).ExpectAsync(200);

        var after = await (await client.SendJsonAsync(HttpMethod.Post, Path, Body(20m))).ExpectAsync(200);
        Assert.Empty(after["items"]!.AsArray());
        var other = await (await client.SendJsonAsync(HttpMethod.Post, Path, Body(20m, customerId: "cust-2"))).ExpectAsync(200);
        Assert.Single(other["items"]!.AsArray());
    }

    [Fact]
    public async Task An_empty_cart_lists_what_nearly_applies_and_a_missing_cart_is_refused()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Bogo", OfferBodies.ValidCategories["BogoPercentage"]));
        var answer = await (await client.SendJsonAsync(HttpMethod.Post, Path, """{"cart":{"currency":"EUR","items":[]}}""")).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"kind":"units","missing":3,"products":["p1"]}"""), answer["items"]![0]!["hint"]));

        await (await client.SendJsonAsync(HttpMethod.Post, Path, """{"includeCoupons":true}""")).ExpectAsync(400);
        await (await client.SendJsonAsync(HttpMethod.Post, Path + "?count=0", """{"cart":{"currency":"EUR","items":[]}}""")).ExpectAsync(400);
        var bad = await (await client.SendJsonAsync(HttpMethod.Post, Path, """{"cart":{"currency":"EURO","items":[]}}""")).ExpectAsync(400);
        Assert.StartsWith("cart.currency", (string?)bad["message"], StringComparison.Ordinal);
    }
}

public sealed class QualificationApiSqliteTests(SqliteApiFixture fixture) : QualificationApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class QualificationApiPostgresTests(PostgresApiFixture fixture) : QualificationApiTests(fixture), IClassFixture<PostgresApiFixture>;

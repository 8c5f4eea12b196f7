using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// Cart-level and free-shipping promotions restricted to stores are looked up by the cart's store (an index for
/// large catalogues); they must apply exactly where the store rule says and be explained everywhere else.
/// </summary>
public abstract class StoreCartOfferTests(ApiFixture fixture)
{
    private static string CartPromotion(string name, string category, string stores) => $$"""
        {"name":"{{name}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{{category}},
         "currencies":[{"code":"EUR","minimumCartValue":0}],"stores":{{stores}}}
        """;

    private static string Cart(string? store) => $$"""
        {"currency":"EUR",{{(store is null ? "" : $"\"storeId\":\"{store}\",")}}"shippingCost":5,
         "items":[{"id":"a","productId":"p1","quantity":1,"price":100}]}
        """;

    [Fact]
    public async Task Store_specific_cart_promotions_apply_in_their_stores_only_and_are_explained_elsewhere()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        foreach (var body in new[]
        {
            CartPromotion("Everywhere two off", """{"kind":"CartLevelFixed","discounts":[{"amount":2,"currency":"EUR"}]}""", "[]"),
            CartPromotion("Berlin ten percent", """{"kind":"CartLevelPercentage","discount":10}""", """["berlin","hamburg"]"""),
            CartPromotion("Munich free shipping", """{"kind":"FreeShippingPercentage","discount":100}""", """["munich"]"""),
            CartPromotion("Hamburg five off", """{"kind":"CartLevelFixed","discounts":[{"amount":5,"currency":"EUR"}]}""", """["hamburg"]"""),
        })
        {
            await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", body)).ExpectAsync(201);
        }

        async Task<JsonNode> Price(string? store) =>
            await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart?explain=true", Cart(store))).ExpectAsync(200);

        static string[] Applied(JsonNode cart) =>
            [.. cart["items"]![0]!["discounts"]!.AsArray().Select(d => (string)d!["name"]!)
                .Concat(cart["shippingDiscounts"]!.AsArray().Select(d => (string)d!["name"]!)).Order(StringComparer.Ordinal)];

        static string? Reason(JsonNode cart, string name) =>
            (string?)cart["notApplied"]!.AsArray().SingleOrDefault(n => (string?)n!["name"] == name)?["reason"];

        var berlin = await Price("berlin");
        Assert.Equal(["Berlin ten percent", "Everywhere two off"], Applied(berlin));
        Assert.Equal("store_not_eligible", Reason(berlin, "Munich free shipping"));
        Assert.Equal("store_not_eligible", Reason(berlin, "Hamburg five off"));

        var hamburg = await Price("hamburg");
        Assert.Equal(["Berlin ten percent", "Everywhere two off", "Hamburg five off"], Applied(hamburg));

        var munich = await Price("munich");
        Assert.Equal(["Everywhere two off", "Munich free shipping"], Applied(munich));
        Assert.Equal(98.00m, (decimal)munich["total"]!);

        var nowhere = await Price(null);
        Assert.Equal(["Everywhere two off"], Applied(nowhere));
        Assert.Equal("store_not_eligible", Reason(nowhere, "Berlin ten percent"));
        Assert.Equal("store_not_eligible", Reason(nowhere, "Munich free shipping"));
    }
}

public sealed class StoreCartOfferSqliteTests(SqliteApiFixture fixture) : StoreCartOfferTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class StoreCartOfferPostgresTests(PostgresApiFixture fixture) : StoreCartOfferTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Carts;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Carts;

/// <summary>
/// An edited or added promotion is priced by the next cart through a set derived from the cached one;
/// a change of the tenant's settings compiles the set afresh (docs/decisions/0514-incremental-catalogue-updates.md).
/// </summary>
public abstract class IncrementalCatalogueTests(ApiFixture fixture)
{
    private const string CartPath = "/v0/promotions/cart";
    private const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":2,"price":50,"categories":[{"path":["Shop","Accessories"]}]}]}""";

    [Fact]
    public async Task The_next_cart_after_an_edit_is_priced_with_it_through_a_derived_set()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var cache = fixture.Services.GetRequiredService<PromotionSetCache>();
        var created = await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));
        Assert.Equal(90m, await TotalAsync(client));

        var promotion = created["promotion"]!;
        var raised = OfferBodies.ReplaceBody(promotion, body => body["currencies"]![0]!["minimumCartValue"] = 150);
        var edited = await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", raised)).ExpectAsync(200);
        Assert.Equal(100m, await TotalAsync(client));
        Assert.True(cache.Current(tenant)?.Derived);

        var lowered = OfferBodies.ReplaceBody(edited["promotion"]!, body => body["currencies"]![0]!["minimumCartValue"] = 0);
        await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", lowered)).ExpectAsync(200);
        Assert.Equal(90m, await TotalAsync(client));
        Assert.True(cache.Current(tenant)?.Derived);

        await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Five on accessories", OfferBodies.ValidCategories["ProductLevelPercentage"]));
        var withTwo = await TotalAsync(client);
        Assert.True(cache.Current(tenant)?.Derived);
        Assert.True(withTwo < 90m, "the added promotion was not priced");
        Assert.Equal(withTwo, await FreshTotalAsync(client, cache));

        var current = await (await client.GetAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}")).ExpectAsync(200);
        var switchedOff = OfferBodies.ReplaceBody(current["promotion"] ?? current, body => body["active"] = false);
        await (await client.PutJsonAsync($"{OfferBodies.PromotionsPath}/{promotion["id"]}", switchedOff)).ExpectAsync(200);
        var withoutFirst = await TotalAsync(client);
        Assert.True(cache.Current(tenant)?.Derived);
        Assert.True(withoutFirst > withTwo, "the switched-off promotion still applies");
        Assert.Equal(withoutFirst, await FreshTotalAsync(client, cache));
    }

    [Fact]
    public async Task A_settings_change_compiles_the_set_afresh()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var cache = fixture.Services.GetRequiredService<PromotionSetCache>();
        await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Ten off", """{"kind":"CartLevelPercentage","discount":10}"""));
        Assert.Equal(90m, await TotalAsync(client));

        await (await client.PutJsonAsync("/v0/promotions/configuration/exclusions", JsonNode.Parse("""{"ids":["p1"]}""")!)).ExpectAsync(201);
        Assert.Equal(100m, await TotalAsync(client));
        Assert.False(cache.Current(tenant)?.Derived);
    }

    private static async Task<decimal> TotalAsync(HttpClient client) =>
        (decimal)(await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Cart)).ExpectAsync(200))["total"]!;

    // The same cart against a set compiled from the stored offers alone.
    private static async Task<decimal> FreshTotalAsync(HttpClient client, PromotionSetCache cache)
    {
        cache.Clear();
        return await TotalAsync(client);
    }
}

public sealed class IncrementalCatalogueSqliteTests(SqliteApiFixture fixture) : IncrementalCatalogueTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class IncrementalCataloguePostgresTests(PostgresApiFixture fixture) : IncrementalCatalogueTests(fixture), IClassFixture<PostgresApiFixture>;

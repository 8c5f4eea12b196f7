using System.Text.Json.Nodes;
using Storewise.Api.Auth;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.WhatIf;

/// <summary>Carts priced with a <c>preview</c> change (docs/decisions/0702-previews.md) over HTTP, on both providers.</summary>
public abstract class CartPreviewTests(ApiFixture fixture)
{
    private const string CartPath = "/v0/promotions/cart";

    private const string Cart = """{"currency":"EUR","items":[{"id":"a","productId":"p1","quantity":2,"price":50}]""";

    private static string Promotion(string name, int percent, bool active = true, string validTo = "2099-01-01T00:00:00Z") => $$"""
        {"name":"{{name}}","active":{{(active ? "true" : "false")}},"validFrom":"2020-01-01T00:00:00Z","validTo":"{{validTo}}",
         "category":{"kind":"CartLevelPercentage","discount":{{percent}}},"currencies":[{"code":"EUR","minimumCartValue":0}]}
        """;

    [Fact]
    public async Task An_included_disabled_or_ended_promotion_applies_in_the_preview_only()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var disabled = await CreateAsync(client, Promotion("Off", 10, active: false));
        var ended = await CreateAsync(client, Promotion("Ended", 5, validTo: "2021-01-01T00:00:00Z"));

        var stored = await PriceAsync(client, Cart + "}");
        Assert.Equal(0m, (decimal)stored["discountTotal"]!);
        Assert.Null(stored["preview"]);

        var preview = await PriceAsync(client, Previewed($$"""{"include":["{{disabled}}"]}"""));
        Assert.True((bool)preview["preview"]!);
        Assert.Equal(10m, (decimal)preview["discountTotal"]!);
        Assert.Equal(90m, (decimal)preview["total"]!);
        Assert.Equal(5m, (decimal)(await PriceAsync(client, Previewed($$"""{"include":["{{ended}}"]}""")))["discountTotal"]!);
        Assert.Equal(0m, (decimal)(await PriceAsync(client, Cart + "}"))["discountTotal"]!);
    }

    [Fact]
    public async Task An_excluded_running_promotion_does_not_apply_in_the_preview()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var running = await CreateAsync(client, Promotion("Ten", 10));

        var preview = await PriceAsync(client, Previewed($$"""{"exclude":["{{running}}"]}"""));
        Assert.True((bool)preview["preview"]!);
        Assert.Equal(0m, (decimal)preview["discountTotal"]!);
        Assert.Empty(preview["items"]![0]!["discounts"]!.AsArray());
        Assert.Equal(10m, (decimal)(await PriceAsync(client, Cart + "}"))["discountTotal"]!);
    }

    [Fact]
    public async Task An_inline_promotion_applies_is_never_stored_and_read_scope_is_enough()
    {
        var tenant = ApiFixture.NewTenant();
        using var writer = fixture.Client(tenant);
        var replaced = await CreateAsync(writer, Promotion("Ten", 10));
        using var reader = fixture.Client(tenant, Scopes.PromotionsRead);
        var versionBefore = await VersionAsync(tenant);

        var standIn = $$"""
            {"id":"{{replaced}}","name":"Ten becomes thirty","active":true,"validFrom":"2020-01-01T00:00:00Z",
             "category":{"kind":"CartLevelPercentage","discount":30},"currencies":[{"code":"EUR"}]}
            """;
        var preview = await PriceAsync(reader, Previewed($$"""{"offers":[{{Promotion("Draft", 20)}},{{standIn}}]}"""));
        Assert.True((bool)preview["preview"]!);
        var applied = preview["items"]![0]!["discounts"]!.AsArray().Select(d => ((string?)d!["id"], (decimal)d["value"]!)).ToList();
        Assert.Contains(("preview-0", 20m), applied);
        Assert.Contains((replaced, 30m), applied);
        Assert.Equal(2, applied.Count);

        var list = await (await writer.GetAsync(new Uri("/v0/promotions/promotion?count=10&page=1", UriKind.Relative))).ExpectAsync(200);
        Assert.Equal(1, (long)list["pagination"]!["total"]!);
        Assert.Equal(versionBefore, await VersionAsync(tenant));
        Assert.Equal(10m, (decimal)(await PriceAsync(reader, Cart + "}"))["discountTotal"]!);
    }

    [Fact]
    public async Task A_bad_inline_offer_is_rejected_with_its_field_named_as_a_create_would_name_it()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        const string bad = """{"name":"Too much","validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":150}}""";

        var created = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", bad)).ExpectAsync(400);
        var previewed = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Previewed($$"""{"offers":[{{Promotion("Fine", 1)}},{{bad}},{"validFrom":"soon"}]}"""))).ExpectAsync(400);

        Assert.Equal("preview.offers[1]." + (string?)created["message"], (string?)previewed["message"]);
        var causes = previewed["causes"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Contains("preview.offers[1].category.discount: must be greater than 0 and at most 100", causes);
        Assert.Contains(causes, c => c.StartsWith("preview.offers[2].name:", StringComparison.Ordinal));
        Assert.Contains(causes, c => c.StartsWith("preview.offers[2].validFrom:", StringComparison.Ordinal));
        Assert.Contains(causes, c => c.StartsWith("preview.offers[2].category:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_or_contradictory_ids_are_rejected_with_the_field_named()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var known = await CreateAsync(client, Promotion("Known", 10));

        var unknown = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Previewed($$"""{"include":["{{known}}","nope"]}"""))).ExpectAsync(400);
        Assert.Equal("preview.include[1]: no promotion or coupon has the id 'nope'", (string?)unknown["message"]);
        var both = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Previewed($$"""{"include":["{{known}}"],"exclude":["{{known}}"]}"""))).ExpectAsync(400);
        Assert.StartsWith("preview.exclude[0]:", (string?)both["message"]);
        var blank = await (await client.SendJsonAsync(HttpMethod.Post, CartPath, Previewed("""{"exclude":[""]}"""))).ExpectAsync(400);
        Assert.Equal("preview.exclude[0]: must be a non-empty string", (string?)blank["message"]);
    }

    [Fact]
    public async Task A_cart_code_of_an_inline_coupon_applies_it_exactly_as_a_stored_coupon_code_would()
    {
        var tenant = ApiFixture.NewTenant();
        using var writer = fixture.Client(tenant);
        const string coupon = """
            "active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":15},
            "currencies":[{"code":"EUR","minimumCartValue":0}]
            """;
        var storedId = (string)(await (await writer.SendJsonAsync(HttpMethod.Post, "/v0/promotions/coupon", $$"""{"name":"Stored",{{coupon}}}""")).ExpectAsync(201))["coupon"]!["id"]!;
        await (await writer.SendJsonAsync(HttpMethod.Post, $"/v0/promotions/coupon/{storedId}/code", """{"codes":["STORED15"]}""")).ExpectAsync(201);
        using var reader = fixture.Client(tenant, Scopes.PromotionsRead);
        var inline = $$"""{"offers":[{"name":"Draft",{{coupon}},"codes":["DRAFT15"]}]}""";

        var byStored = await PriceAsync(reader, Cart + ""","couponCodes":["STORED15"]}""");
        var byInline = await PriceAsync(reader, Cart + ""","couponCodes":["draft15"],"preview":""" + inline + "}");
        Assert.True((bool)byInline["preview"]!);
        Assert.Equal(15m, (decimal)byStored["discountTotal"]!);
        Assert.Equal((decimal)byStored["discountTotal"]!, (decimal)byInline["discountTotal"]!);
        Assert.Equal((decimal)byStored["total"]!, (decimal)byInline["total"]!);
        Assert.Equal("preview-0", (string?)byInline["items"]![0]!["discounts"]![0]!["id"]);

        // Without the preview, or with the preview but not the code, the inline coupon does not apply.
        Assert.Equal(0m, (decimal)(await PriceAsync(reader, Cart + ""","couponCodes":["DRAFT15"]}"""))["discountTotal"]!);
        Assert.Equal(0m, (decimal)(await PriceAsync(reader, Previewed(inline)))["discountTotal"]!);
        var badCode = await (await reader.SendJsonAsync(HttpMethod.Post, CartPath, Previewed($$"""{"offers":[{"name":"Draft",{{coupon}},"codes":["no spaces"]}]}"""))).ExpectAsync(400);
        Assert.StartsWith("preview.offers[0].codes[0]:", (string?)badCode["message"]);
        var created = await (await writer.SendJsonAsync(HttpMethod.Post, "/v0/promotions/coupon", $$"""{"name":"With codes",{{coupon}},"codes":["X1"]}""")).ExpectAsync(400);
        Assert.StartsWith("codes:", (string?)created["message"]);
    }

    private static string Previewed(string preview) => Cart + ",\"preview\":" + preview + "}";

    private static async Task<string> CreateAsync(HttpClient client, string body)
    {
        var created = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/promotion", body)).ExpectAsync(201);
        return (string)created["promotion"]!["id"]!;
    }

    private static async Task<JsonNode> PriceAsync(HttpClient client, string cart) =>
        await (await client.SendJsonAsync(HttpMethod.Post, CartPath, cart)).ExpectAsync(200);

    private async Task<long> VersionAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await CatalogueVersions.GetAsync(connection, tenant);
    }
}

public sealed class CartPreviewSqliteTests(SqliteApiFixture fixture) : CartPreviewTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CartPreviewPostgresTests(PostgresApiFixture fixture) : CartPreviewTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.Stores;

/// <summary>
/// The store registry, the tenant's reading of localizedTimezone, and the offer's schedule and audience fields over
/// HTTP (docs/pricing-semantics.md, "Time and audience").
/// </summary>
public abstract class StoreTimeApiTests(ApiFixture fixture)
{
    private const string StoresPath = "/v0/promotions/stores";
    private const string TimePath = "/v0/promotions/configuration/time";
    private const string CartPath = "/v0/promotions/cart?explain=true";

    private static string Cart(string storeId, string evaluatedAt, string channelType = "store") => $$"""
        {"currency":"EUR","storeId":"{{storeId}}","channelType":"{{channelType}}","evaluatedAt":"{{evaluatedAt}}",
         "items":[{"id":"a","productId":"p1","quantity":1,"price":10.00}]}
        """;

    private static async Task<JsonNode> PriceAsync(HttpClient client, string cart) =>
        await (await client.SendJsonAsync(HttpMethod.Post, CartPath, cart)).ExpectAsync(200);

    [Fact]
    public async Task Stores_are_registered_listed_and_replaced_with_their_version()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await (await client.PutJsonAsync($"{StoresPath}/berlin-1", JsonNode.Parse("""{"name":"Berlin Mitte","timeZone":"Europe/Berlin"}""")!)).ExpectAsync(200);
        Assert.Equal("berlin-1", (string?)created["id"]);
        Assert.Equal("Europe/Berlin", (string?)created["timeZone"]);
        await (await client.PutJsonAsync($"{StoresPath}/nyc", JsonNode.Parse("""{"name":"New York"}""")!)).ExpectAsync(200);

        var read = await (await client.GetAsync($"{StoresPath}/berlin-1")).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(created, read));
        var list = await (await client.GetAsync($"{StoresPath}?count=1&page=1")).ExpectAsync(200);
        Assert.Equal(2, (long)list["pagination"]!["total"]!);
        Assert.Equal("berlin-1", (string?)list["items"]![0]!["id"]);
        Assert.Equal("/stores?count=1&page=2", (string?)list["links"]!["next"]);

        var replaced = await (await client.PutJsonAsync(
            $"{StoresPath}/berlin-1", JsonNode.Parse($$"""{"name":"Berlin","timeZone":"Europe/Berlin","version":"{{(string)created["version"]!}}"}""")!)).ExpectAsync(200);
        Assert.Equal("Berlin", (string?)replaced["name"]);
        Assert.Equal((string?)created["createdAt"], (string?)replaced["createdAt"]);
        await (await client.PutJsonAsync(
            $"{StoresPath}/berlin-1", JsonNode.Parse($$"""{"name":"Stale","version":"{{(string)created["version"]!}}"}""")!)).ExpectAsync(409);
        await (await client.GetAsync($"{StoresPath}/unknown")).ExpectAsync(404);
    }

    [Theory]
    [InlineData("""{"name":"X","timeZone":"Mars/Olympus"}""")]
    [InlineData("""{"name":"X","timeZone":"W. Europe Standard Time"}""")]
    [InlineData("""{"name":"","timeZone":"Europe/Berlin"}""")]
    [InlineData("""{"timeZone":"Europe/Berlin"}""")]
    public async Task Unknown_zones_and_missing_names_are_refused(string body)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.PutJsonAsync($"{StoresPath}/s1", JsonNode.Parse(body)!)).ExpectAsync(400);
    }

    [Fact]
    public async Task Time_reading_defaults_to_utc_and_a_write_bumps_the_catalogue_version()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var initial = await (await client.GetAsync(TimePath)).ExpectAsync(200);
        Assert.Equal("utc", (string?)initial["localizedTimezone"]);
        Assert.Null(initial["version"]);

        var put = await (await client.PutJsonAsync(TimePath, JsonNode.Parse("""{"localizedTimezone":"storeLocal"}""")!)).ExpectAsync(200);
        Assert.Equal("storeLocal", (string?)put["localizedTimezone"]);
        Assert.True(JsonNode.DeepEquals(put, await (await client.GetAsync(TimePath)).ExpectAsync(200)));
        await using var connection = await fixture.Database.OpenAsync();
        Assert.Equal(1, await CatalogueVersions.GetAsync(connection, tenant));
        await (await client.PutJsonAsync(TimePath, JsonNode.Parse("""{"localizedTimezone":"local"}""")!)).ExpectAsync(400);
        await (await client.PutJsonAsync(TimePath, JsonNode.Parse("""{}""")!)).ExpectAsync(400);
    }

    [Fact]
    public async Task Store_local_reading_starts_black_friday_at_each_stores_midnight()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.PutJsonAsync($"{StoresPath}/akl", JsonNode.Parse("""{"name":"Auckland","timeZone":"Pacific/Auckland"}""")!)).ExpectAsync(200);
        await (await client.PutJsonAsync($"{StoresPath}/lax", JsonNode.Parse("""{"name":"Los Angeles","timeZone":"America/Los_Angeles"}""")!)).ExpectAsync(200);
        var body = OfferBodies.Body("Black Friday");
        body["validFrom"] = "2026-11-27T00:00:00";
        await client.CreateAsync(OfferBodies.PromotionsPath, body);

        // Default reading: the naive time is UTC for every store.
        Assert.Equal(0m, (decimal)(await PriceAsync(client, Cart("akl", "2026-11-26T12:00:00Z")))["discountTotal"]!);

        await (await client.PutJsonAsync(TimePath, JsonNode.Parse("""{"localizedTimezone":"storeLocal"}""")!)).ExpectAsync(200);
        Assert.Equal(1.00m, (decimal)(await PriceAsync(client, Cart("akl", "2026-11-26T11:00:00Z")))["discountTotal"]!);
        var losAngeles = await PriceAsync(client, Cart("lax", "2026-11-26T11:00:00Z"));
        Assert.Equal("not_started", (string?)losAngeles["notApplied"]![0]!["reason"]);
        Assert.Equal("2026-11-27T08:00:00Z", (string?)losAngeles["notApplied"]![0]!["hint"]!["opensAt"]);
        Assert.Equal(1.00m, (decimal)(await PriceAsync(client, Cart("lax", "2026-11-27T08:00:00Z")))["discountTotal"]!);

        var unknown = await PriceAsync(client, Cart("nowhere", "2026-11-27T00:00:00Z"));
        Assert.Equal(1.00m, (decimal)unknown["discountTotal"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"storeId":"nowhere","timeZone":"UTC","fallback":true}"""), unknown["storeTime"]));
    }

    [Fact]
    public async Task Schedule_channels_conditions_and_minimum_quantity_are_echoed_priced_and_shown_in_the_status()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = OfferBodies.Body("Happy hour");
        body["timeZone"] = "Europe/Berlin";
        body["schedule"] = JsonNode.Parse("""[{"days":["Fri","Sat"],"from":"17:00","to":"19:00"}]""");
        body["channelTypes"] = JsonNode.Parse("""["store"]""");
        body["customerConditions"] = JsonNode.Parse("""{"allOf":[{"key":"tier","values":["gold","platinum"]}],"anyOf":[]}""");
        body["minimumQuantity"] = 1;
        var created = await client.CreateAsync(OfferBodies.PromotionsPath, body);
        var promotion = created["promotion"]!;
        Assert.True(JsonNode.DeepEquals(body["schedule"], promotion["schedule"]));
        Assert.True(JsonNode.DeepEquals(body["channelTypes"], promotion["channelTypes"]));
        Assert.True(JsonNode.DeepEquals(body["customerConditions"], promotion["customerConditions"]));
        Assert.Equal(1, (int)promotion["minimumQuantity"]!);
        Assert.Contains((string?)promotion["status"], new[] { "Running", "Scheduled" });

        // Friday 2026-06-05 17:30 CEST is 15:30Z.
        var gold = """ "customerAttributes":{"tier":"gold"}, """;
        string CartAt(string at, string channel) => Cart("s1", at, channel).Replace("\"currency\"", gold + "\"currency\"", StringComparison.Ordinal);
        Assert.Equal(1.00m, (decimal)(await PriceAsync(client, CartAt("2026-06-05T15:30:00Z", "store")))["discountTotal"]!);
        var closed = await PriceAsync(client, CartAt("2026-06-05T17:00:00Z", "store"));
        Assert.Equal("outside_schedule", (string?)closed["notApplied"]![0]!["reason"]);
        Assert.Equal("2026-06-06T15:00:00Z", (string?)closed["notApplied"]![0]!["hint"]!["opensAt"]);
        Assert.Equal("channel_not_eligible", (string?)(await PriceAsync(client, CartAt("2026-06-05T15:30:00Z", "web")))["notApplied"]![0]!["reason"]);
        Assert.Equal("segment_not_matched", (string?)(await PriceAsync(client, Cart("s1", "2026-06-05T15:30:00Z")))["notApplied"]![0]!["reason"]);
    }

    [Theory]
    [InlineData("schedule", """[{"days":[],"from":"17:00","to":"19:00"}]""")]
    [InlineData("schedule", """[{"days":["Fri","Fri"],"from":"17:00","to":"19:00"}]""")]
    [InlineData("schedule", """[{"days":["Fri"],"from":"25:00","to":"19:00"}]""")]
    [InlineData("schedule", """[{"days":["Fri"],"from":"17:00","to":"17:00"}]""")]
    [InlineData("schedule", """[{"days":["Fri"],"from":"5pm","to":"19:00"}]""")]
    [InlineData("channelTypes", """[""]""")]
    [InlineData("customerConditions", """{"allOf":[],"anyOf":[]}""")]
    [InlineData("customerConditions", """{"allOf":[{"key":"tier","value":"gold","values":["gold"]}]}""")]
    [InlineData("customerConditions", """{"anyOf":[{"value":"gold"}]}""")]
    [InlineData("minimumQuantity", "0")]
    public async Task Bad_schedule_and_audience_fields_are_refused_naming_the_field(string field, string json)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = OfferBodies.Body("Bad " + field);
        body[field] = JsonNode.Parse(json);
        var answer = await (await client.PostAsync(OfferBodies.PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.Contains(field, answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_without_the_new_fields_answers_as_before()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var promotion = (await client.CreateAsync(OfferBodies.PromotionsPath, OfferBodies.Body("Plain")))["promotion"]!.AsObject();
        foreach (var field in new[] { "schedule", "channelTypes", "customerConditions", "minimumQuantity" })
        {
            Assert.False(promotion.ContainsKey(field), field);
        }

        var priced = await PriceAsync(client, Cart("s1", "2026-06-05T15:30:00Z"));
        Assert.False(priced.AsObject().ContainsKey("storeTime"));
    }
}

public sealed class StoreTimeApiSqliteTests(SqliteApiFixture fixture) : StoreTimeApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class StoreTimeApiPostgresTests(PostgresApiFixture fixture) : StoreTimeApiTests(fixture), IClassFixture<PostgresApiFixture>;

using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using static Storewise.Api.Tests.Offers.OfferBodies;

namespace Storewise.Api.Tests.Promotions;

/// <summary>The promotion list: paging, links and filters (docs/spec.md §0.6, §1.3 list query applied to promotions).</summary>
public abstract class PromotionListTests(ApiFixture fixture)
{
    [Fact]
    public async Task Pages_carry_items_in_creation_order_links_and_the_total()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((string)(await client.CreateAsync(PromotionsPath, Body($"P{i}")))["promotion"]!["id"]!);
        }

        var first = await (await client.GetAsync($"{PromotionsPath}?count=2&page=1")).ExpectAsync(200);
        Assert.Equal(["items", "links", "pagination"], first.AsObject().Select(p => p.Key));
        Assert.Equal(ids[..2], Ids(first));
        Assert.Equal(["links", "promotion"], first["items"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal($"/promotion/{ids[0]}", (string?)first["items"]![0]!["links"]!["self"]);
        Assert.Equal("/promotion?count=2&page=2", (string?)first["links"]!["next"]);
        Assert.Null(first["links"]!["previous"]);
        Assert.Equal("""{"count":2,"page":1,"total":5}""", first["pagination"]!.ToJsonString());

        var last = await (await client.GetAsync($"{PromotionsPath}?count=2&page=3")).ExpectAsync(200);
        Assert.Equal(ids[4..], Ids(last));
        Assert.Null(last["links"]!["next"]);
        Assert.Equal("/promotion?count=2&page=2", (string?)last["links"]!["previous"]);

        var beyond = await (await client.GetAsync($"{PromotionsPath}?count=2&page=9")).ExpectAsync(200);
        Assert.Empty(beyond["items"]!.AsArray());
        Assert.Equal(5, (int?)beyond["pagination"]!["total"]);

        var all = await (await client.GetAsync($"{PromotionsPath}?count=150&page=1")).ExpectAsync(200);
        Assert.Equal(ids, Ids(all));
        Assert.Null(all["links"]!["next"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=1")]
    [InlineData("?count=2")]
    [InlineData("?count=0&page=1")]
    [InlineData("?count=151&page=1")]
    [InlineData("?count=abc&page=1")]
    [InlineData("?count=-1&page=1")]
    [InlineData("?count=10&page=0")]
    [InlineData("?count=10&page=1.5")]
    public async Task Count_outside_1_to_150_or_page_below_1_is_400(string query)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var error = await (await client.GetAsync(PromotionsPath + query)).ExpectAsync(400);
        Assert.Matches("^(count|page):", (string?)error["message"]);
    }

    [Fact]
    public async Task Links_keep_the_other_filters()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        for (var i = 1; i <= 3; i++)
        {
            await client.CreateAsync(PromotionsPath, Body($"Kept {i}"));
        }

        var page = await (await client.GetAsync($"{PromotionsPath}?count=1&page=2&active=true&kind[]=CartLevelPercentage")).ExpectAsync(200);
        Assert.Equal("/promotion?count=1&page=3&active=true&kind%5B%5D=CartLevelPercentage", (string?)page["links"]!["next"]);
        Assert.Equal("/promotion?count=1&page=1&active=true&kind%5B%5D=CartLevelPercentage", (string?)page["links"]!["previous"]);
        Assert.Equal(3, (int?)page["pagination"]!["total"]);
    }

    [Fact]
    public async Task Name_filter_takes_a_comma_list_and_ignores_case()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(PromotionsPath, Body("Black Friday"));
        await client.CreateAsync(PromotionsPath, Body("Cyber Monday"));
        await client.CreateAsync(PromotionsPath, Body("Summer"));

        var page = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&name=black%20friday,CYBER%20MONDAY")).ExpectAsync(200);
        Assert.Equal(["Black Friday", "Cyber Monday"], Names(page).Order());
        Assert.Equal(2, (int?)page["pagination"]!["total"]);
    }

    [Fact]
    public async Task Active_filter_splits_enabled_from_disabled()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(PromotionsPath, Body("On"));
        await client.CreateAsync(PromotionsPath, Body("Off", active: false));

        Assert.Equal(["On"], Names(await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&active=true")).ExpectAsync(200)));
        Assert.Equal(["Off"], Names(await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&active=false")).ExpectAsync(200)));
        await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&active=maybe")).ExpectAsync(400);
    }

    [Fact]
    public async Task ValidFrom_and_validTo_filters_bound_the_window()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        async Task CreateAsync(string name, string from, string? to)
        {
            var body = Body(name);
            body["validFrom"] = from;
            body["validTo"] = to;
            await client.CreateAsync(PromotionsPath, body);
        }

        await CreateAsync("September", "2023-09-03T00:00:00", "2023-09-11T23:59:59");
        await CreateAsync("August", "2023-08-01T00:00:00", "2023-08-31T23:59:59");
        await CreateAsync("Open", "2023-09-05T00:00:00+02:00", null);

        var from = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&validFrom=2023-09-03T00:00:00")).ExpectAsync(200);
        Assert.Equal(["Open", "September"], Names(from).Order());

        var to = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&validTo=2023-09-11T23:59:59")).ExpectAsync(200);
        Assert.Equal(["August", "September"], Names(to).Order());

        var both = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&validFrom=2023-09-01T00:00:00Z&validTo=2023-09-30T00:00:00%2B00:00")).ExpectAsync(200);
        Assert.Equal(["September"], Names(both));

        await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&validFrom=yesterday")).ExpectAsync(400);
    }

    [Fact]
    public async Task Kind_filter_is_repeatable_and_rejects_unknown_kinds()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        foreach (var kind in new[] { "CartLevelPercentage", "CartLevelFixed", "BundleFixed", "FreeShippingPercentage" })
        {
            await client.CreateAsync(PromotionsPath, Body(kind, ValidCategories[kind]));
        }

        var page = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&kind[]=CartLevelFixed&kind[]=BundleFixed")).ExpectAsync(200);
        Assert.Equal(["BundleFixed", "CartLevelFixed"], Names(page).Order());

        var error = await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&kind[]=Discount")).ExpectAsync(400);
        Assert.StartsWith("kind[]:", (string?)error["message"]);
    }

    [Fact]
    public async Task Segment_filter_matches_the_key_or_the_value()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        async Task CreateAsync(string name, string? segment)
        {
            var body = Body(name);
            body["segment"] = segment is null ? null : JsonNode.Parse(segment);
            await client.CreateAsync(PromotionsPath, body);
        }

        await CreateAsync("Gold", """{"key":"type","value":"gold member","schema":1}""");
        await CreateAsync("Vip", """{"key":"member","value":"VIP","schema":1}""");
        await CreateAsync("Everyone", null);

        Assert.Equal(["Vip"], Names(await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&segment=member")).ExpectAsync(200)));
        Assert.Equal(["Gold"], Names(await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&segment=gold%20member")).ExpectAsync(200)));
        Assert.Empty(Names(await (await client.GetAsync($"{PromotionsPath}?count=10&page=1&segment=nobody")).ExpectAsync(200)));
    }

    private static List<string> Ids(JsonNode page) =>
        [.. page["items"]!.AsArray().Select(i => (string)i!["promotion"]!["id"]!)];

    private static List<string> Names(JsonNode page) =>
        [.. page["items"]!.AsArray().Select(i => (string)i!["promotion"]!["name"]!)];
}

public sealed class PromotionListSqliteTests(SqliteApiFixture fixture) : PromotionListTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PromotionListPostgresTests(PostgresApiFixture fixture) : PromotionListTests(fixture), IClassFixture<PostgresApiFixture>;

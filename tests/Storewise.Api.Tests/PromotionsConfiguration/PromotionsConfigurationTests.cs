using System.Text.Json.Nodes;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;

namespace Storewise.Api.Tests.PromotionsConfiguration;

/// <summary>The global exclusion list and the coupon stacking mode (docs/spec.md §1.5, §D1) over HTTP.</summary>
public abstract class PromotionsConfigurationTests(ApiFixture fixture)
{
    private const string Exclusions = "/v0/promotions/configuration/exclusions";
    private const string Coupons = "/v0/promotions/configuration/coupons";

    [Fact]
    public async Task Exclusions_never_set_are_an_empty_list()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var body = await (await client.GetAsync(Exclusions)).ExpectAsync(200);
        Assert.Equal(tenant, (string?)body["tenant"]);
        Assert.Empty(body["ids"]!.AsArray());
        Assert.Null(body["createdAt"]);
        Assert.Null(body["updatedBy"]);
        Assert.Null(body["version"]);
    }

    [Fact]
    public async Task Exclusions_round_trip_with_duplicates_removed()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        using var response = await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["p1","p2","p1","P1"]}""")!);
        var put = await response.ExpectAsync(201);
        Assert.Equal(["tenant", "ids", "createdAt", "createdBy", "updatedAt", "updatedBy", "version"], put.AsObject().Select(p => p.Key));
        Assert.Equal(["p1", "p2", "P1"], put["ids"]!.AsArray().Select(i => (string)i!));
        Assert.Equal("25dd570161b05f0cae353a56757f8495", (string?)put["createdBy"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string)put["updatedAt"]!);

        var get = await (await client.GetAsync(Exclusions)).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(put, get));
    }

    [Fact]
    public async Task A_second_put_replaces_the_ids_and_keeps_the_creation_data()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var first = await (await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(201);
        var second = await (await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["b","c"]}""")!)).ExpectAsync(201);
        Assert.Equal(["b", "c"], second["ids"]!.AsArray().Select(i => (string)i!));
        Assert.Equal((string?)first["createdAt"], (string?)second["createdAt"]);
        Assert.NotEqual((string?)first["version"], (string?)second["version"]);
    }

    [Fact]
    public async Task Exclusions_put_with_a_stale_version_is_409_and_with_the_current_one_succeeds()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var neverSet = await (await client.PutJsonAsync(Exclusions, JsonNode.Parse($$"""{"ids":["a"],"version":"{{Guid.NewGuid()}}"}""")!)).ExpectAsync(409);
        Assert.Equal(409, (int?)neverSet["status"]);

        var first = await (await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(201);
        var version = (string)first["version"]!;
        var second = await (await client.PutJsonAsync(Exclusions, JsonNode.Parse($$"""{"ids":["b"],"version":"{{version}}"}""")!)).ExpectAsync(201);
        await (await client.PutJsonAsync(Exclusions, JsonNode.Parse($$"""{"ids":["c"],"version":"{{version}}"}""")!)).ExpectAsync(409);
        var get = await (await client.GetAsync(Exclusions)).ExpectAsync(200);
        Assert.Equal(["b"], get["ids"]!.AsArray().Select(i => (string)i!));
        Assert.Equal((string?)second["version"], (string?)get["version"]);
    }

    [Fact]
    public async Task Delete_is_204_and_leaves_an_empty_list()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(201);
        using (var deleted = await client.DeleteAsync(Exclusions))
        {
            Assert.Equal(204, (int)deleted.StatusCode);
        }

        var get = await (await client.GetAsync(Exclusions)).ExpectAsync(200);
        Assert.Empty(get["ids"]!.AsArray());
        Assert.Null(get["version"]);

        using var again = await client.DeleteAsync(Exclusions);
        Assert.Equal(204, (int)again.StatusCode);
    }

    [Theory]
    [InlineData("{}", "ids")]
    [InlineData("""{"ids":null}""", "ids")]
    [InlineData("""{"ids":[""]}""", "ids[0]")]
    [InlineData("""{"ids":["a","  "]}""", "ids[1]")]
    [InlineData("""{"ids":["a",null]}""", "ids[1]")]
    [InlineData("""{"ids":[1]}""", "ids[0]")]
    [InlineData("""{"ids":"a"}""", "ids")]
    public async Task Invalid_exclusion_ids_are_400(string json, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var error = await (await client.PutAsync(Exclusions, HttpJson.Body(json))).ExpectAsync(400);
        Assert.StartsWith(field, (string?)error["message"]);
    }

    [Fact]
    public async Task At_most_10000_exclusion_ids_are_accepted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var ids = new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)$"product-{i}")]);
        var ok = await (await client.PutJsonAsync(Exclusions, new JsonObject { ["ids"] = ids })).ExpectAsync(201);
        Assert.Equal(10_000, ok["ids"]!.AsArray().Count);

        ids = new JsonArray([.. Enumerable.Range(0, 10_001).Select(i => (JsonNode?)$"product-{i}")]);
        var error = await (await client.PutJsonAsync(Exclusions, new JsonObject { ["ids"] = ids })).ExpectAsync(400);
        Assert.StartsWith("ids:", (string?)error["message"]);
    }

    [Fact]
    public async Task Coupon_stacking_defaults_to_stackable_and_round_trips()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var initial = await (await client.GetAsync(Coupons)).ExpectAsync(200);
        Assert.True((bool)initial["stackable"]!);
        Assert.Null(initial["updatedAt"]);
        Assert.Equal(tenant, (string?)initial["tenant"]);

        var put = await (await client.PutJsonAsync(Coupons, JsonNode.Parse("""{"stackable":false}""")!)).ExpectAsync(200);
        Assert.Equal(["tenant", "stackable", "updatedAt", "updatedBy", "version"], put.AsObject().Select(p => p.Key));
        Assert.False((bool)put["stackable"]!);

        var get = await (await client.GetAsync(Coupons)).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(put, get));

        var back = await (await client.PutJsonAsync(Coupons, JsonNode.Parse($$"""{"stackable":true,"version":"{{(string)put["version"]!}}"}""")!)).ExpectAsync(200);
        Assert.True((bool)back["stackable"]!);
        await (await client.PutJsonAsync(Coupons, JsonNode.Parse($$"""{"stackable":false,"version":"{{(string)put["version"]!}}"}""")!)).ExpectAsync(409);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"stackable":"no"}""")]
    [InlineData("""{"stackable":null}""")]
    [InlineData("null")]
    public async Task Coupon_stacking_needs_a_boolean(string json)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await (await client.PutAsync(Coupons, HttpJson.Body(json))).ExpectAsync(400);
    }

    [Fact]
    public async Task Configuration_is_per_tenant()
    {
        using var first = fixture.Client(ApiFixture.NewTenant());
        await (await first.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["secret"]}""")!)).ExpectAsync(201);
        await (await first.PutJsonAsync(Coupons, JsonNode.Parse("""{"stackable":false}""")!)).ExpectAsync(200);

        using var second = fixture.Client(ApiFixture.NewTenant());
        Assert.Empty((await (await second.GetAsync(Exclusions)).ExpectAsync(200))["ids"]!.AsArray());
        Assert.True((bool)(await (await second.GetAsync(Coupons)).ExpectAsync(200))["stackable"]!);
        using var deleted = await second.DeleteAsync(Exclusions);
        Assert.Single((await (await first.GetAsync(Exclusions)).ExpectAsync(200))["ids"]!.AsArray());
    }

    [Fact]
    public async Task Configuration_writes_need_the_write_scope_and_bump_the_catalogue_version()
    {
        var tenant = ApiFixture.NewTenant();
        using var reader = fixture.Client(tenant, "promotions:read");
        await (await reader.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(403);
        await (await reader.GetAsync(Coupons)).ExpectAsync(200);

        using var client = fixture.Client(tenant);
        async Task<long> VersionAsync()
        {
            await using var connection = await fixture.Database.OpenAsync();
            return await CatalogueVersions.GetAsync(connection, tenant);
        }

        await (await client.PutJsonAsync(Exclusions, JsonNode.Parse("""{"ids":["a"]}""")!)).ExpectAsync(201);
        Assert.Equal(1, await VersionAsync());
        (await client.DeleteAsync(Exclusions)).Dispose();
        Assert.Equal(2, await VersionAsync());
        await (await client.PutJsonAsync(Coupons, JsonNode.Parse("""{"stackable":false}""")!)).ExpectAsync(200);
        Assert.Equal(3, await VersionAsync());
    }
}

public sealed class PromotionsConfigurationSqliteTests(SqliteApiFixture fixture) : PromotionsConfigurationTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PromotionsConfigurationPostgresTests(PostgresApiFixture fixture) : PromotionsConfigurationTests(fixture), IClassFixture<PostgresApiFixture>;

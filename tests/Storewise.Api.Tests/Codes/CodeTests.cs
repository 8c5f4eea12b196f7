using Storewise.Api.Auth;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Codes;

/// <summary>Creating, listing and switching coupon codes (docs/spec.md §1.3, §2.3, §D8, §8 #25–#26).</summary>
public abstract class CodeTests(ApiFixture fixture)
{
    private static string Url(string couponId) => $"/v0/promotions/coupon/{couponId}/code";

    [Fact]
    public async Task Creating_codes_answers_201_with_a_link_per_code_and_the_codes()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await client.CreateCodesAsync(coupon, "CODE1", "code-2%_@&!");

        var links = body["links"]!.AsArray();
        var codes = body["codes"]!.AsArray();
        Assert.Equal(2, codes.Count);
        Assert.Equal(["CODE1", "code-2%_@&!"], codes.Select(c => (string)c!["name"]!));
        Assert.All(codes, c => Assert.Equal(0, (int)c!["redemptions"]!));
        Assert.All(codes, c => Assert.True((bool)c!["active"]!));
        Assert.Equal($"/coupon/{coupon}/code/{codes[0]!["id"]}", (string?)links[0]!["self"]);
        Assert.Equal($"/coupon/{coupon}/code/{codes[1]!["id"]}", (string?)links[1]!["self"]);
        Assert.NotEqual((string?)codes[0]!["id"], (string?)codes[1]!["id"]);
    }

    [Theory]
    [InlineData("HAS SPACE")]
    [InlineData("semi;colon")]
    [InlineData("ümlaut")]
    [InlineData("")]
    public async Task An_invalid_code_rejects_the_whole_request_naming_the_code(string invalid)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await (await client.PostAsync(Url(coupon), HttpJson.Body(new { codes = new[] { "GOOD1", invalid } }))).ExpectAsync(400);

        Assert.StartsWith("codes[1]:", (string?)body["message"]);
        if (invalid.Length > 0)
        {
            Assert.Contains(invalid, (string?)body["message"]);
        }

        Assert.Empty(await client.ListCodesAsync(coupon));
    }

    [Fact]
    public async Task A_code_longer_than_128_characters_is_400()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        await (await client.PostAsync(Url(coupon), HttpJson.Body(new { codes = new[] { new string('A', 129) } }))).ExpectAsync(400);
        await client.CreateCodesAsync(coupon, new string('A', 128));
    }

    [Fact]
    public async Task An_existing_code_is_409_case_insensitively_also_on_another_coupon_and_nothing_is_created()
    {
        var tenant = ApiFixture.NewTenant();
        var first = await CouponSeed.CreateCouponAsync(fixture, tenant);
        var second = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(first, "SUMMER");

        var body = await (await client.PostAsync(Url(second), HttpJson.Body(new { codes = new[] { "NEW1", "summer" } }))).ExpectAsync(409);

        Assert.Contains("summer", (string?)body["message"]);
        Assert.Equal(409, (int?)body["status"]);
        Assert.Empty(await client.ListCodesAsync(second));
    }

    [Fact]
    public async Task The_same_code_in_another_tenant_is_allowed()
    {
        var tenantA = ApiFixture.NewTenant();
        var tenantB = ApiFixture.NewTenant();
        using var clientA = fixture.Client(tenantA);
        using var clientB = fixture.Client(tenantB);
        await clientA.CreateCodesAsync(await CouponSeed.CreateCouponAsync(fixture, tenantA), "SHARED");
        await clientB.CreateCodesAsync(await CouponSeed.CreateCouponAsync(fixture, tenantB), "SHARED");
    }

    [Fact]
    public async Task Duplicates_inside_one_request_are_400()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await (await client.PostAsync(Url(coupon), HttpJson.Body(new { codes = new[] { "DUP", "other", "dup" } }))).ExpectAsync(400);

        Assert.StartsWith("codes[2]:", (string?)body["message"]);
        Assert.Empty(await client.ListCodesAsync(coupon));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"codes\":[]}")]
    [InlineData("{\"codes\":\"A\"}")]
    [InlineData("{\"codes\":[1]}")]
    public async Task A_missing_or_malformed_codes_array_is_400(string json)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        var body = await (await client.PostAsync(Url(coupon), HttpJson.Body(json))).ExpectAsync(400);

        Assert.Contains("codes", (string?)body["message"]);
    }

    [Fact]
    public async Task More_codes_than_the_per_request_limit_is_400()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var codes = Enumerable.Range(0, 1001).Select(i => $"C{i}").ToArray();

        var body = await (await client.PostAsync(Url(coupon), HttpJson.Body(new { codes }))).ExpectAsync(400);

        Assert.Contains("at most 1000", (string?)body["message"]);
    }

    [Fact]
    public async Task Codes_of_an_unknown_or_foreign_coupon_are_404()
    {
        var owner = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, owner);
        using var stranger = fixture.Client(ApiFixture.NewTenant());

        await (await stranger.PostAsync(Url(coupon), HttpJson.Body(new { codes = new[] { "X1" } }))).ExpectAsync(404);
        await (await stranger.GetAsync(Url(coupon) + "?count=10&page=1")).ExpectAsync(404);
        await (await stranger.PostAsync(Url("no-such-coupon"), HttpJson.Body(new { codes = new[] { "X1" } }))).ExpectAsync(404);
    }

    [Fact]
    public async Task Listing_codes_pages_oldest_first_wrapping_each_code_under_codes()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        await client.CreateCodesAsync(coupon, "A1", "A2", "A3");

        var page1 = await (await client.GetAsync(Url(coupon) + "?count=2&page=1")).ExpectAsync(200);
        var page2 = await (await client.GetAsync(Url(coupon) + "?count=2&page=2")).ExpectAsync(200);

        var items = page1["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("A1", (string?)items[0]!["codes"]!["name"]);
        Assert.Equal($"/coupon/{coupon}/code/{items[0]!["codes"]!["id"]}", (string?)items[0]!["links"]!["self"]);
        Assert.Equal($"/coupon/{coupon}/code?count=2&page=2", (string?)page1["links"]!["next"]);
        Assert.Null(page1["links"]!["previous"]);
        Assert.Equal(3, (int?)page1["pagination"]!["total"]);
        Assert.Equal("A3", (string?)page2["items"]![0]!["codes"]!["name"]);
        Assert.Null(page2["links"]!["next"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?count=0&page=1")]
    [InlineData("?count=151&page=1")]
    [InlineData("?count=10&page=0")]
    public async Task Listing_codes_with_bad_paging_is_400(string query)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);

        await (await client.GetAsync(Url(coupon) + query)).ExpectAsync(400);
    }

    [Fact]
    public async Task Patching_active_switches_the_code_and_bumps_the_catalogue_version()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var code = (await client.CreateCodesAsync(coupon, "TOGGLE"))["codes"]![0]!;
        var before = await CatalogueVersionAsync(tenant);

        var body = await (await client.PatchAsync($"{Url(coupon)}/{code["id"]}", HttpJson.Body(new { id = (string)code["id"]!, name = "TOGGLE", redemptions = 0, active = false })))
            .ExpectAsync(200);

        Assert.False((bool)body["active"]!);
        Assert.Equal("TOGGLE", (string?)body["name"]);
        Assert.False((bool)(await client.ListCodesAsync(coupon))[0]!["codes"]!["active"]!);
        Assert.Equal(before + 1, await CatalogueVersionAsync(tenant));
    }

    [Fact]
    public async Task Patching_ignores_redemptions_and_accepts_the_name_in_another_case()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateCodesAsync(coupon, "KEEP"))["codes"]![0]!["id"]!;

        var body = await (await client.PatchAsync($"{Url(coupon)}/{id}", HttpJson.Body(new { name = "keep", redemptions = 42, active = true }))).ExpectAsync(200);

        Assert.Equal(0, (int)body["redemptions"]!);
        Assert.True((bool)body["active"]!);
    }

    [Theory]
    [InlineData("{\"name\":\"OTHER\",\"active\":false}", "name")]
    [InlineData("{\"id\":\"another-id\",\"active\":false}", "id")]
    [InlineData("{\"name\":\"PATCHME\"}", "active")]
    [InlineData("{\"active\":\"false\"}", "active")]
    public async Task Patching_with_a_mismatched_name_or_id_or_without_active_is_400(string json, string field)
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateCodesAsync(coupon, "PATCHME"))["codes"]![0]!["id"]!;

        var body = await (await client.PatchAsync($"{Url(coupon)}/{id}", HttpJson.Body(json))).ExpectAsync(400);

        Assert.StartsWith(field, (string?)body["message"]);
        Assert.True((bool)(await client.ListCodesAsync(coupon))[0]!["codes"]!["active"]!);
    }

    [Fact]
    public async Task Patching_an_unknown_code_is_404_with_the_vendor_body()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateCodesAsync(coupon, "MINE"))["codes"]![0]!["id"]!;
        var otherCoupon = await CouponSeed.CreateCouponAsync(fixture, tenant);

        var unknown = await (await client.PatchAsync($"{Url(coupon)}/nope", HttpJson.Body(new { active = false }))).ExpectAsync(404);
        await (await client.PatchAsync($"{Url(otherCoupon)}/{id}", HttpJson.Body(new { active = false }))).ExpectAsync(404);
        using var stranger = fixture.Client(ApiFixture.NewTenant());
        await (await stranger.PatchAsync($"{Url(coupon)}/{id}", HttpJson.Body(new { active = false }))).ExpectAsync(404);

        Assert.Equal("not found", (string?)unknown["message"]);
        Assert.Equal(404, (int?)unknown["status"]);
    }

    [Fact]
    public async Task Concurrent_patches_all_succeed_and_leave_the_last_committed_state()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var client = fixture.Client(tenant);
        var id = (string)(await client.CreateCodesAsync(coupon, "RACE"))["codes"]![0]!["id"]!;
        var before = await CatalogueVersionAsync(tenant);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await client.PatchAsync($"{Url(coupon)}/{id}", HttpJson.Body(new { active = i % 2 == 0 }));
            return (int)response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(200, status));
        var after = await CatalogueVersionAsync(tenant);
        // Every real change bumped the version once; no-op patches did not.
        Assert.InRange(after - before, 1, 20);
        var active = (bool)(await client.ListCodesAsync(coupon))[0]!["codes"]!["active"]!;
        Assert.Equal(active, (after - before) % 2 == 0);
    }

    [Fact]
    public async Task A_read_only_token_can_list_but_not_create_or_patch()
    {
        var tenant = ApiFixture.NewTenant();
        var coupon = await CouponSeed.CreateCouponAsync(fixture, tenant);
        using var reader = fixture.Client(tenant, Scopes.PromotionsRead);

        await (await reader.PostAsync(Url(coupon), HttpJson.Body(new { codes = new[] { "R1" } }))).ExpectAsync(403);
        await (await reader.PatchAsync($"{Url(coupon)}/x", HttpJson.Body(new { active = false }))).ExpectAsync(403);
        await (await reader.GetAsync(Url(coupon) + "?count=1&page=1")).ExpectAsync(200);
    }

    private async Task<long> CatalogueVersionAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await CatalogueVersions.GetAsync(connection, tenant);
    }
}

public sealed class CodeSqliteTests(SqliteApiFixture f) : CodeTests(f), IClassFixture<SqliteApiFixture>;

public sealed class CodePostgresTests(PostgresApiFixture f) : CodeTests(f), IClassFixture<PostgresApiFixture>;

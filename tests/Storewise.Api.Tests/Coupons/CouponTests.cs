using System.Text.Json.Nodes;
using Dapper;
using Storewise.Api.Offers;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using static Storewise.Api.Tests.Offers.OfferBodies;

namespace Storewise.Api.Tests.Coupons;

/// <summary>Coupon definitions (docs/spec.md §1.3, §2, §6, §7, §D8) over HTTP; codes and redemption are tested elsewhere.</summary>
public abstract class CouponTests(ApiFixture fixture)
{
    private const string CreateSample = """
        {
          "name": "Black Friday Coupon",
          "validFrom": "2023-11-01T00:00:00",
          "validTo": "2023-12-01T00:00:00",
          "category": {"kind": "CartLevelPercentage", "discount": 10},
          "active": true,
          "currencies": [{"code": "EUR", "minimumCartValue": 50}],
          "stores": ["f9c7b6ec-b296-4eba-b083-c8b53d14407d"],
          "localizedTimezone": true,
          "singleUse": false,
          "consumers": ["2dbb6700-d847-11ed-afa1-0242ac120002", "3c8eb0de-d847-11ed-afa1-0242ac120002"],
          "exclusive": true,
          "segment": {"key": "type", "value": "gold member", "schema": 1}
        }
        """;

    private const string UpdateSample = """
        {
          "name": "Black Friday Coupon",
          "validFrom": "2023-11-01T00:00:00",
          "validTo": "2023-12-01T00:00:00",
          "category": {"kind": "CartLevelPercentage", "discount": 10},
          "active": true,
          "currencies": [{"code": "EUR", "minimumCartValue": 50}],
          "stores": ["f9c7b6ec-b296-4eba-b083-c8b53d14407d"],
          "localizedTimezone": true,
          "version": "a43a5a2d-1424-4c80-a252-992d489062eb",
          "singleUse": false,
          "consumers": ["2dbb6700-d847-11ed-afa1-0242ac120002", "3c8eb0de-d847-11ed-afa1-0242ac120002"],
          "exclusive": true,
          "segment": {"key": "type", "value": "gold member", "schema": 1}
        }
        """;

    [Fact]
    public async Task Reference_create_sample_is_accepted_and_answered_like_the_reference_response()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        using var response = await client.PostJsonAsync(CouponsPath, CreateSample);
        var body = await response.ExpectAsync(201);
        Assert.Equal(["coupon", "links"], body.AsObject().Select(p => p.Key));
        var coupon = body["coupon"]!.AsObject();
        var id = (string)coupon["id"]!;
        Assert.Equal($"/coupon/{id}", (string?)body["links"]!["self"]);

        string[] fields =
        [
            "id", "name", "description", "validFrom", "validTo", "category", "active", "createdAt", "createdBy",
            "updatedAt", "updatedBy", "tenant", "currencies", "stores", "localizedTimezone", "exclusive", "segment",
            "singleUse", "consumers", "externalId", "version", "status",
        ];
        Assert.Equal(fields, coupon.Select(p => p.Key));
        Assert.False(coupon.ContainsKey("codes")); // removed from the entity in Nov 2024 (docs/spec.md §7)
        Assert.Equal("Black Friday Coupon", (string?)coupon["description"]);
        Assert.Equal("2023-11-01T00:00:00", (string?)coupon["validFrom"]);
        Assert.Equal("""{"kind":"CartLevelPercentage","discount":10}""", coupon["category"]!.ToJsonString());
        Assert.Equal("""[{"code":"EUR","minimumCartValue":50}]""", coupon["currencies"]!.ToJsonString());
        Assert.Equal(2, coupon["consumers"]!.AsArray().Count);
        Assert.Equal("""{"key":"type","value":"gold member","schema":1}""", coupon["segment"]!.ToJsonString());
        Assert.False((bool)coupon["singleUse"]!);
        Assert.Null(coupon["externalId"]);
        Assert.Equal(tenant, (string?)coupon["tenant"]);
        Assert.Equal("Past", (string?)coupon["status"]);

        var read = await (await client.GetAsync($"{CouponsPath}/{id}")).ExpectAsync(200);
        Assert.Equal(["links", "coupon"], read.AsObject().Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(coupon, read["coupon"]));
    }

    [Fact]
    public async Task Reference_update_sample_is_accepted_with_the_current_version()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await (await client.PostJsonAsync(CouponsPath, CreateSample)).ExpectAsync(201))["coupon"]!;
        var id = (string)created["id"]!;
        var sample = JsonNode.Parse(UpdateSample)!.AsObject();

        var stale = await (await client.PutJsonAsync($"{CouponsPath}/{id}", sample)).ExpectAsync(409);
        Assert.Equal(409, (int?)stale["status"]);

        sample["version"] = (string?)created["version"];
        var body = await (await client.PutJsonAsync($"{CouponsPath}/{id}", sample)).ExpectAsync(200);
        Assert.Equal(["coupon", "links"], body.AsObject().Select(p => p.Key));
        Assert.NotEqual((string?)created["version"], (string?)body["coupon"]!["version"]);
    }

    [Fact]
    public async Task Reference_product_level_coupon_from_the_list_sample_is_accepted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(CouponsPath, JsonNode.Parse("""
            {
              "name": "Coupon for hoodies",
              "validFrom": "2023-04-27T00:00:00",
              "validTo": "2023-04-30T23:59:59",
              "category": {"kind": "ProductLevelFixed", "includedCategories": [{"path": ["Shop", "Accessories"]}],
                "includedProducts": [], "excludedProducts": [], "shopId": "storefront-catalog-en", "locale": "en-us",
                "discounts": [{"amount": 50, "currency": "EUR"}, {"amount": 50, "currency": "USD"}]},
              "active": false,
              "currencies": [{"code": "EUR", "minimumCartValue": 150}, {"code": "USD", "minimumCartValue": 150}],
              "stores": [],
              "singleUse": false,
              "localizedTimezone": true,
              "exclusive": true,
              "segment": {"key": "member", "value": "VIP", "schema": 1}
            }
            """)!.AsObject());
        Assert.Equal("Disabled", (string?)created["coupon"]!["status"]);
    }

    [Fact]
    public async Task Currencies_are_required_for_coupons()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        foreach (var currencies in new JsonNode?[] { null, new JsonArray() })
        {
            var body = Body("No currencies");
            body["currencies"] = currencies;
            var error = await (await client.PostAsync(CouponsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
            Assert.StartsWith("currencies:", (string?)error["message"]);
        }
    }

    [Theory]
    [InlineData("BundlePercentage")]
    [InlineData("BundleFixed")]
    public async Task Bundle_kinds_are_for_promotions_only(string kind)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var error = await (await client.PostAsync(CouponsPath, HttpJson.Body(Body("Bundle", ValidCategories[kind]).ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith("category.kind:", (string?)error["message"]);
    }

    [Theory]
    [InlineData("CartLevelPercentage")]
    [InlineData("CartLevelFixed")]
    [InlineData("ProductLevelPercentage")]
    [InlineData("ProductLevelFixed")]
    [InlineData("BogoPercentage")]
    [InlineData("BogoFixed")]
    [InlineData("FreeShippingPercentage")]
    [InlineData("FreeShippingFixed")]
    public async Task Each_coupon_kind_is_accepted(string kind)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(CouponsPath, Body(kind, ValidCategories[kind]));
        Assert.Equal(kind, (string?)created["coupon"]!["category"]!["kind"]);
    }

    [Fact]
    public async Task Consumers_allow_at_most_10000_entries()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Many consumers");
        body["consumers"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)$"c{i}")]);
        var created = await client.CreateAsync(CouponsPath, body);
        Assert.Equal(10_000, created["coupon"]!["consumers"]!.AsArray().Count);

        body["name"] = "Too many consumers";
        body["consumers"]!.AsArray().Add("one-more");
        var error = await (await client.PostAsync(CouponsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith("consumers:", (string?)error["message"]);
    }

    [Fact]
    public async Task SingleUse_and_externalId_are_stored_and_echoed()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Voucher");
        body["singleUse"] = true;
        body["externalId"] = "ext-1";
        body["description"] = "Ten percent";
        var coupon = (await client.CreateAsync(CouponsPath, body))["coupon"]!;
        Assert.True((bool)coupon["singleUse"]!);
        Assert.Equal("ext-1", (string?)coupon["externalId"]);
        Assert.Equal("Ten percent", (string?)coupon["description"]);
    }

    [Fact]
    public async Task ExternalId_is_unique_per_tenant()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var first = Body("First");
        first["externalId"] = "voucher-7";
        await client.CreateAsync(CouponsPath, first);

        var second = Body("Second");
        second["externalId"] = "voucher-7";
        var error = await (await client.PostAsync(CouponsPath, HttpJson.Body(second.ToJsonString()))).ExpectAsync(409);
        Assert.Equal("duplicate_external_id", (string?)error["code"]);

        using var other = fixture.Client(ApiFixture.NewTenant());
        await other.CreateAsync(CouponsPath, second);

        var blank = Body("Blank");
        blank["externalId"] = " ";
        await (await client.PostAsync(CouponsPath, HttpJson.Body(blank.ToJsonString()))).ExpectAsync(400);
    }

    [Fact]
    public async Task Coupon_names_are_unique_per_tenant_case_insensitively()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(CouponsPath, Body("Welcome"));
        var error = await (await client.PostAsync(CouponsPath, HttpJson.Body(Body("WELCOME").ToJsonString()))).ExpectAsync(409);
        Assert.Equal("duplicate_name", (string?)error["code"]);
    }

    [Fact]
    public async Task Coupon_category_cannot_be_updated()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(CouponsPath, Body("Fixed")))["coupon"]!;
        var change = ReplaceBody(created, b => b["category"]!["discount"] = 20);
        var error = await (await client.PutJsonAsync($"{CouponsPath}/{(string)created["id"]!}", change)).ExpectAsync(400);
        Assert.Equal("category cannot be updated", (string?)error["message"]);
    }

    [Fact]
    public async Task Concurrent_coupon_replaces_with_the_same_version_let_exactly_one_win()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(CouponsPath, Body("Contended")))["coupon"]!;
        var id = (string)created["id"]!;
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            client.PutJsonAsync($"{CouponsPath}/{id}", ReplaceBody(created, b => b["name"] = $"Contended {i}"))));
        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 200));
        Assert.Equal(3, responses.Count(r => (int)r.StatusCode == 409));
    }

    [Fact]
    public async Task A_promotion_id_is_not_a_coupon()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var promotion = (await client.CreateAsync(PromotionsPath, Body("Promo")))["promotion"]!;
        await (await client.GetAsync($"{CouponsPath}/{(string)promotion["id"]!}")).ExpectAsync(404);
        var coupons = await (await client.GetAsync($"{CouponsPath}?count=10&page=1")).ExpectAsync(200);
        Assert.Empty(coupons["items"]!.AsArray());
    }

    [Fact]
    public async Task Another_tenants_coupon_is_404_and_never_listed()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        var created = (await owner.CreateAsync(CouponsPath, Body("Mine")))["coupon"]!;
        using var stranger = fixture.Client(ApiFixture.NewTenant());
        var body = await (await stranger.GetAsync($"{CouponsPath}/{(string)created["id"]!}")).ExpectAsync(404);
        Assert.Equal("""{"message":"not found","status":404}""", body.ToJsonString());
        await (await stranger.PutJsonAsync($"{CouponsPath}/{(string)created["id"]!}", ReplaceBody(created))).ExpectAsync(404);
        var list = await (await stranger.GetAsync($"{CouponsPath}?count=10&page=1&name=Mine")).ExpectAsync(200);
        Assert.Equal(0, (int?)list["pagination"]!["total"]);
    }

    [Fact]
    public async Task Code_filter_returns_the_coupons_owning_the_codes()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var a = (string)(await client.CreateAsync(CouponsPath, Body("A")))["coupon"]!["id"]!;
        var b = (string)(await client.CreateAsync(CouponsPath, Body("B")))["coupon"]!["id"]!;
        await client.CreateAsync(CouponsPath, Body("C"));
        await InsertCodeAsync(tenant, a, "SAVE10");
        await InsertCodeAsync(tenant, a, "SAVE10-BIS");
        await InsertCodeAsync(tenant, b, "welcome");
        await InsertCodeAsync(ApiFixture.NewTenant(), "elsewhere", "OTHER");

        var page = await (await client.GetAsync($"{CouponsPath}?count=10&page=1&code=save10,Welcome,SAVE10-BIS,OTHER&partial-category=true")).ExpectAsync(200);
        Assert.Equal(new[] { a, b }.Order(), page["items"]!.AsArray().Select(i => (string)i!["coupon"]!["id"]!).Order());
        Assert.Equal(2, (int?)page["pagination"]!["total"]);

        var none = await (await client.GetAsync($"{CouponsPath}?count=10&page=1&code=NOPE")).ExpectAsync(200);
        Assert.Empty(none["items"]!.AsArray());
    }

    [Fact]
    public async Task Coupon_list_filters_combine_and_the_paging_links_keep_them()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        foreach (var kind in new[] { "CartLevelFixed", "BogoFixed", "FreeShippingFixed" })
        {
            await client.CreateAsync(CouponsPath, Body($"{kind} on", ValidCategories[kind]));
            await client.CreateAsync(CouponsPath, Body($"{kind} off", ValidCategories[kind], active: false));
        }

        var page = await (await client.GetAsync($"{CouponsPath}?count=1&page=1&active=true&kind[]=CartLevelFixed&kind[]=BogoFixed&partial-category=true")).ExpectAsync(200);
        Assert.Equal(2, (int?)page["pagination"]!["total"]);
        Assert.Equal("/coupon?count=1&page=2&active=true&kind%5B%5D=CartLevelFixed&kind%5B%5D=BogoFixed&partial-category=true", (string?)page["links"]!["next"]);

        var bundles = await (await client.GetAsync($"{CouponsPath}?count=1&page=1&kind[]=BundleFixed")).ExpectAsync(400);
        Assert.StartsWith("kind[]:", (string?)bundles["message"]);
    }

    [Fact]
    public async Task Stored_document_parses_into_the_typed_offer()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var body = Body("Typed", ValidCategories["BogoFixed"]);
        body["currencies"] = JsonNode.Parse("""[{"code":"EUR","minimumCartValue":20.5}]""");
        body["segment"] = JsonNode.Parse("""{"key":"type","value":"gold member","schema":1}""");
        body["consumers"] = new JsonArray("c1");
        body["singleUse"] = true;
        var id = (string)(await client.CreateAsync(CouponsPath, body))["coupon"]!["id"]!;

        await using var connection = await fixture.Database.OpenAsync();
        var json = await connection.QuerySingleAsync<string>(
            "SELECT document FROM offers WHERE tenant = @tenant AND id = @id", new { tenant, id });
        var offer = OfferDocuments.Parse(OfferType.Coupon, json);

        Assert.Equal(OfferType.Coupon, offer.Type);
        Assert.Equal("BogoFixed", offer.Category.Kind);
        Assert.Equal(1, offer.Category.BuyQuantity);
        Assert.Equal(3.5m, offer.Category.AmountFor("eur"));
        Assert.Null(offer.Category.AmountFor("USD"));
        Assert.Equal(["Shop"], offer.Category.IncludedCategories.Single().Path);
        Assert.Equal(20.5m, offer.Currencies.Single().MinimumCartValue);
        Assert.Equal(new OfferSegment("type", "gold member", 1), offer.Segment);
        Assert.True(offer.SingleUse);
        Assert.Equal(["c1"], offer.Consumers);
        Assert.Null(offer.Description);
        Assert.Equal(new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero), offer.ValidTo!.Instant);
        Assert.True(offer.IsCurrent(fixture.Clock.GetUtcNow()));
    }

    private async Task InsertCodeAsync(string tenant, string couponId, string code)
    {
        await using var connection = await fixture.Database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, redemptions, created_at) VALUES (@tenant, @id, @couponId, @code, @key, @active, 0, 0)",
            new { tenant, id = Guid.NewGuid().ToString(), couponId, code, key = code.ToUpperInvariant(), active = true });
    }
}

public sealed class CouponSqliteTests(SqliteApiFixture fixture) : CouponTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CouponPostgresTests(PostgresApiFixture fixture) : CouponTests(fixture), IClassFixture<PostgresApiFixture>;

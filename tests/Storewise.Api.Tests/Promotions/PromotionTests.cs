using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storewise.Api.Storage;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Offers;
using static Storewise.Api.Tests.Offers.OfferBodies;

namespace Storewise.Api.Tests.Promotions;

/// <summary>Automatic promotions CRUD (docs/spec.md §1.2, §2, §6, §D5, §D8) over HTTP.</summary>
public abstract partial class PromotionTests(ApiFixture fixture)
{
    private const string User = "25dd570161b05f0cae353a56757f8495";

    [Fact]
    public async Task Create_answers_201_with_every_field_a_self_link_and_a_location()
    {
        var tenant = ApiFixture.NewTenant();
        using var own = fixture.Client(tenant);
        using var response = await own.PostAsync(PromotionsPath, HttpJson.Body(Body("Black Friday Promo").ToJsonString()));
        var body = await response.ExpectAsync(201);

        var promotion = body["promotion"]!.AsObject();
        var id = (string)promotion["id"]!;
        Assert.Matches(ObjectIdShape(), id);
        Assert.Equal($"/promotion/{id}", (string?)body["links"]!["self"]);
        Assert.Equal($"/v0/promotions/promotion/{id}", response.Headers.Location?.ToString());
        Assert.Equal(["promotion", "links"], body.AsObject().Select(p => p.Key));

        string[] fields =
        [
            "id", "name", "description", "validFrom", "validTo", "category", "active", "createdAt", "createdBy",
            "updatedAt", "updatedBy", "tenant", "currencies", "stores", "localizedTimezone", "exclusive", "segment",
            "version", "status",
        ];
        Assert.Equal(fields, promotion.Select(p => p.Key));
        Assert.Equal("Black Friday Promo", (string?)promotion["name"]);
        Assert.Equal("Black Friday Promo", (string?)promotion["description"]); // docs/spec.md §8 #24
        Assert.Equal(tenant, (string?)promotion["tenant"]);
        Assert.Equal(User, (string?)promotion["createdBy"]);
        Assert.Equal(User, (string?)promotion["updatedBy"]);
        Assert.Matches(Rfc3339Z(), (string)promotion["createdAt"]!);
        Assert.True(Guid.TryParse((string?)promotion["version"], out _));
        Assert.Null(promotion["segment"]);
        Assert.False((bool)promotion["exclusive"]!);
        Assert.Equal("Running", (string?)promotion["status"]);
        Assert.Null(promotion["singleUse"]); // coupon-only fields stay out of promotions (docs/spec.md §8 #30)
    }

    [Fact]
    public async Task Get_returns_links_and_the_promotion_as_created()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(PromotionsPath, Body("Summer"));
        var id = (string)created["promotion"]!["id"]!;

        var body = await (await client.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(200);
        Assert.Equal(["links", "promotion"], body.AsObject().Select(p => p.Key));
        Assert.Equal($"/promotion/{id}", (string?)body["links"]!["self"]);
        Assert.True(JsonNode.DeepEquals(created["promotion"], body["promotion"]));
    }

    [Fact]
    public async Task Omitted_optional_fields_are_echoed_as_defaults_null_or_empty()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(PromotionsPath, JsonNode.Parse(
            """{"name":"Bare","validFrom":"2024-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":5}}""")!.AsObject());
        var p = created["promotion"]!;
        Assert.False((bool)p["active"]!); // docs/pricing-rules.md A36
        Assert.Equal("Disabled", (string?)p["status"]);
        Assert.Null(p["validTo"]);
        Assert.Null(p["localizedTimezone"]);
        Assert.Null(p["segment"]);
        Assert.Empty(p["currencies"]!.AsArray());
        Assert.Empty(p["stores"]!.AsArray());
        Assert.True(p.AsObject().ContainsKey("validTo"));
    }

    [Fact]
    public async Task Reference_create_sample_is_accepted_and_its_times_are_echoed_exactly()
    {
        // The vendor's create sample; its collapsed category and currencies are filled as its description says.
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(PromotionsPath, JsonNode.Parse("""
            {
              "name": "Cart level percentage promotion",
              "description": "A promotion with type CartLevelPercentage",
              "localizedTimezone": false,
              "validFrom": "2022-01-01T00:00:00+01:00",
              "validTo": "2022-04-01T00:00:00+01:00",
              "category": {"kind": "CartLevelPercentage", "discount": 10},
              "currencies": [{"code": "USD", "minimumCartValue": 0}]
            }
            """)!.AsObject());
        var p = created["promotion"]!;
        Assert.Equal("2022-01-01T00:00:00+01:00", (string?)p["validFrom"]);
        Assert.Equal("2022-04-01T00:00:00+01:00", (string?)p["validTo"]);
        Assert.Equal("A promotion with type CartLevelPercentage", (string?)p["description"]);
        Assert.False((bool)p["localizedTimezone"]!);
    }

    [Fact]
    public async Task Reference_update_sample_is_accepted_as_is_and_its_empty_category_array_keeps_the_category()
    {
        using var client = fixture.Client(ApiFixture.NewTenant(), user: "user-b");
        var created = (await client.CreateAsync(PromotionsPath, Body("Before")))["promotion"]!;
        var id = (string)created["id"]!;
        var sample = JsonNode.Parse("""
            {
              "id": "62839b62-80ff-4000-8000-01b47275b241",
              "name": "My Promotion",
              "description": "My Promotion Description",
              "localizedTimezone": false,
              "validFrom": "2022-01-01T00:00:00+01:00",
              "validTo": "2022-04-01T00:00:00+01:00",
              "category": [ ],
              "active": true,
              "currencies": [ ],
              "stores": [ ],
              "version": "6f419b7b-1529-4c33-a5ba-a07762850db1"
            }
            """)!.AsObject();
        sample["id"] = id;
        sample["version"] = (string?)created["version"];

        var body = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", sample)).ExpectAsync(200);
        Assert.Equal(["promotion", "links"], body.AsObject().Select(p => p.Key));
        var updated = body["promotion"]!;
        Assert.Equal("My Promotion", (string?)updated["name"]);
        Assert.True(JsonNode.DeepEquals(created["category"], updated["category"]));
        Assert.Empty(updated["currencies"]!.AsArray());
        Assert.Equal("user-b", (string?)updated["updatedBy"]);
    }

    [Theory]
    [InlineData("CartLevelPercentage")]
    [InlineData("CartLevelFixed")]
    [InlineData("ProductLevelPercentage")]
    [InlineData("ProductLevelFixed")]
    [InlineData("BogoPercentage")]
    [InlineData("BogoFixed")]
    [InlineData("BundlePercentage")]
    [InlineData("BundleFixed")]
    [InlineData("FreeShippingPercentage")]
    [InlineData("FreeShippingFixed")]
    public async Task Each_kind_is_accepted_and_its_category_echoed_unchanged(string kind)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = await client.CreateAsync(PromotionsPath, Body(kind, ValidCategories[kind]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ValidCategories[kind]), created["promotion"]!["category"]));
    }

    [Theory]
    [InlineData("""{"discount":10}""", "category.kind")]
    [InlineData("""{"kind":"Nothing","discount":10}""", "category.kind")]
    [InlineData("""{"kind":"FreeShipping","discount":10}""", "category.kind")]
    [InlineData("""{"kind":7}""", "category.kind")]
    [InlineData("""{"kind":"CartLevelPercentage"}""", "category.discount")]
    [InlineData("""{"kind":"CartLevelPercentage","discount":0}""", "category.discount")]
    [InlineData("""{"kind":"CartLevelPercentage","discount":100.5}""", "category.discount")]
    [InlineData("""{"kind":"CartLevelPercentage","discount":"10"}""", "category.discount")]
    [InlineData("""{"kind":"FreeShippingPercentage","discount":-1}""", "category.discount")]
    [InlineData("""{"kind":"CartLevelFixed"}""", "category.discounts")]
    [InlineData("""{"kind":"CartLevelFixed","discounts":[{"amount":0,"currency":"EUR"}]}""", "category.discounts[0].amount")]
    [InlineData("""{"kind":"CartLevelFixed","discounts":[{"amount":5,"currency":"EURO"}]}""", "category.discounts[0].currency")]
    [InlineData("""{"kind":"CartLevelFixed","discounts":[{"amount":5,"currency":"USD"}]}""", "category.discounts")]
    [InlineData("""{"kind":"CartLevelFixed","discounts":[{"amount":5,"currency":"EUR"},{"amount":6,"currency":"eur"}]}""", "category.discounts[1].currency")]
    [InlineData("""{"kind":"FreeShippingFixed","discount":0}""", "category.discount")]
    [InlineData("""{"kind":"ProductLevelPercentage","discount":10}""", "category.includedProducts")]
    [InlineData("""{"kind":"ProductLevelPercentage","discount":10,"includedProducts":[],"includedCategories":[],"excludedProducts":["x"]}""", "category.includedProducts")]
    [InlineData("""{"kind":"ProductLevelFixed","discounts":[{"amount":5,"currency":"EUR"}],"includedProducts":[""]}""", "category.includedProducts[0]")]
    [InlineData("""{"kind":"ProductLevelFixed","discounts":[{"amount":5,"currency":"EUR"}],"includedCategories":[{"name":"Shop"}]}""", "category.includedCategories[0].path")]
    [InlineData("""{"kind":"BogoPercentage","discount":100,"getQuantity":1,"includedProducts":["p"]}""", "category.buyQuantity")]
    [InlineData("""{"kind":"BogoPercentage","discount":100,"buyQuantity":1,"getQuantity":0,"includedProducts":["p"]}""", "category.getQuantity")]
    [InlineData("""{"kind":"BogoFixed","discounts":[{"amount":1,"currency":"EUR"}],"buyQuantity":1.5,"getQuantity":1,"includedProducts":["p"]}""", "category.buyQuantity")]
    [InlineData("""{"kind":"BogoFixed","discounts":[{"amount":1,"currency":"EUR"}],"buyQuantity":1,"getQuantity":1}""", "category.includedProducts")]
    [InlineData("""{"kind":"BundlePercentage","discount":10}""", "category.products")]
    [InlineData("""{"kind":"BundlePercentage","discount":10,"products":[]}""", "category.products")]
    [InlineData("""{"kind":"BundleFixed","discounts":[{"amount":1,"currency":"EUR"}],"products":[{"quantity":1}]}""", "category.products[0].productId")]
    [InlineData("""{"kind":"BundleFixed","discounts":[{"amount":1,"currency":"EUR"}],"products":[{"productId":"A","quantity":0}]}""", "category.products[0].quantity")]
    [InlineData("""[]""", "category")]
    public async Task Invalid_category_is_400_naming_the_field(string category, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Body("Bad", category).ToJsonString()))).ExpectAsync(400);
        Assert.Equal(400, (int?)body["status"]);
        Assert.Contains(body["causes"]!.AsArray(), c => ((string)c!).StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_category_is_400()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var request = Body("No category");
        request.Remove("category");
        var body = await (await client.PostAsync(PromotionsPath, HttpJson.Body(request.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith("category:", (string?)body["message"]);
    }

    [Fact]
    public async Task Unknown_category_members_are_kept_and_echoed()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        const string category = """{"kind":"CartLevelPercentage","discount":12.50,"label":"twelve and a half","extra":{"a":[1,2]}}""";
        var created = await client.CreateAsync(PromotionsPath, Body("Extras", category));
        var id = (string)created["promotion"]!["id"]!;
        var read = await (await client.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(category), read["promotion"]!["category"]));
        Assert.Contains("\"discount\":12.50", read["promotion"]!["category"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_kind_takes_a_scalar_discount_as_the_amount_for_every_currency()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Scalar", """{"kind":"CartLevelFixed","discount":5}""");
        body["currencies"] = JsonNode.Parse("""[{"code":"EUR","minimumCartValue":0},{"code":"USD","minimumCartValue":10}]""");
        var created = await client.CreateAsync(PromotionsPath, body);
        Assert.Equal(5m, (decimal)created["promotion"]!["category"]!["discount"]!);
    }

    [Fact]
    public async Task Fixed_kind_without_an_amount_for_a_listed_currency_is_400()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Missing USD", ValidCategories["CartLevelFixed"]);
        body["currencies"] = JsonNode.Parse("""[{"code":"EUR"},{"code":"usd"}]""");
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.Equal("category.discounts: has no amount for usd, which is listed in currencies", (string?)error["message"]);
    }

    [Theory]
    [InlineData("name", null, "name")]
    [InlineData("name", "   ", "name")]
    [InlineData("validFrom", null, "validFrom")]
    [InlineData("validFrom", "2023-11-01", "validFrom")]
    [InlineData("validFrom", "2023-11-01T00:00:00.000Z", "validFrom")]
    [InlineData("validFrom", "2023-11-01 00:00:00", "validFrom")]
    [InlineData("validFrom", "2023-13-01T00:00:00", "validFrom")]
    [InlineData("validTo", "2023-11-01T00:00:00+0100", "validTo")]
    [InlineData("validTo", "2019-12-31T23:59:59", "validTo")]
    public async Task Invalid_field_is_400_naming_it(string field, string? value, string named)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Field check");
        body[field] = value;
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith(named + ":", (string?)error["message"]);
    }

    [Fact]
    public async Task Naive_time_with_localizedTimezone_false_is_400_and_with_an_offset_is_accepted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var naive = Body("Naive");
        naive["localizedTimezone"] = false;
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(naive.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith("validFrom:", (string?)error["message"]);

        var withOffset = Body("Offset");
        withOffset["localizedTimezone"] = false;
        withOffset["validFrom"] = "2020-01-01T00:00:00Z";
        withOffset["validTo"] = "2099-01-01T00:00:00-05:00";
        await client.CreateAsync(PromotionsPath, withOffset);
    }

    [Theory]
    [InlineData("""[{"code":"EUR"},{"code":"eur"}]""", "currencies[1].code")]
    [InlineData("""[{"code":"EURO"}]""", "currencies[0].code")]
    [InlineData("""[{"code":"E1R"}]""", "currencies[0].code")]
    [InlineData("""[{"minimumCartValue":1}]""", "currencies[0].code")]
    [InlineData("""[{"code":"EUR","minimumCartValue":-0.01}]""", "currencies[0].minimumCartValue")]
    [InlineData("""[{"code":"EUR","minimumCartValue":"5"}]""", "currencies[0].minimumCartValue")]
    public async Task Invalid_currencies_are_400_naming_the_entry(string currencies, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Currencies");
        body["currencies"] = JsonNode.Parse(currencies);
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith(field, (string?)error["message"]);
    }

    [Theory]
    [InlineData("""{"key":"type","value":"gold member"}""", "segment.schema")]
    [InlineData("""{"value":"gold member","schema":1}""", "segment.key")]
    [InlineData("""{"key":"type","schema":1}""", "segment.value")]
    public async Task Segment_needs_key_value_and_schema(string segment, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var body = Body("Segment");
        body["segment"] = JsonNode.Parse(segment);
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(body.ToJsonString()))).ExpectAsync(400);
        Assert.StartsWith(field + ":", (string?)error["message"]);
    }

    [Theory]
    [InlineData("""{"name":"x","active":"yes"}""")]
    [InlineData("""{"name":5}""")]
    [InlineData("""{"name":"x",""")]
    [InlineData("""{"name":"x","stores":"s1"}""")]
    [InlineData("""{"name":"x","currencies":[{"code":"EUR","minimumCartValue":1e400}]}""")]
    [InlineData("null")]
    public async Task Malformed_body_or_wrong_type_is_400_not_500(string json)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var error = await (await client.PostJsonAsync(PromotionsPath, json)).ExpectAsync(400);
        Assert.Equal(400, (int?)error["status"]);
    }

    [Fact]
    public async Task Names_are_unique_per_tenant_case_insensitively()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await client.CreateAsync(PromotionsPath, Body("Black Friday"));
        var error = await (await client.PostAsync(PromotionsPath, HttpJson.Body(Body("BLACK friday").ToJsonString()))).ExpectAsync(409);
        Assert.Equal(409, (int?)error["status"]);
        Assert.Equal("duplicate_name", (string?)error["code"]);

        // Another tenant, and a coupon of the same tenant, may use the name.
        using var other = fixture.Client(ApiFixture.NewTenant());
        await other.CreateAsync(PromotionsPath, Body("Black Friday"));
        await client.CreateAsync(CouponsPath, Body("Black Friday"));
    }

    [Fact]
    public async Task Replace_changes_the_fields_keeps_creation_data_and_issues_a_new_version()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Original")))["promotion"]!;
        var id = (string)created["id"]!;
        var replace = ReplaceBody(created, b =>
        {
            b["name"] = "Renamed";
            b["active"] = false;
            b["stores"] = new JsonArray("s1", "s2");
            b["exclusive"] = true;
            b["segment"] = JsonNode.Parse("""{"key":"member","value":"VIP","schema":1}""");
        });

        var body = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", replace)).ExpectAsync(200);
        var updated = body["promotion"]!;
        Assert.Equal($"/promotion/{id}", (string?)body["links"]!["self"]);
        Assert.Equal("Renamed", (string?)updated["name"]);
        Assert.Equal("Disabled", (string?)updated["status"]);
        Assert.Equal(["s1", "s2"], updated["stores"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("VIP", (string?)updated["segment"]!["value"]);
        Assert.Equal((string?)created["createdAt"], (string?)updated["createdAt"]);
        Assert.NotEqual((string?)created["version"], (string?)updated["version"]);

        var read = await (await client.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(200);
        Assert.True(JsonNode.DeepEquals(updated, read["promotion"]));
    }

    [Fact]
    public async Task Replace_with_a_stale_version_is_409_and_without_one_is_400()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Versioned")))["promotion"]!;
        var id = (string)created["id"]!;
        await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created))).ExpectAsync(200);

        var stale = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created))).ExpectAsync(409);
        Assert.Equal(409, (int?)stale["status"]);

        var missing = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created, b => b.Remove("version")))).ExpectAsync(400);
        Assert.StartsWith("version:", (string?)missing["message"]);
    }

    [Fact]
    public async Task Replace_that_changes_the_category_is_400_and_an_identical_category_is_accepted()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Immutable", ValidCategories["ProductLevelFixed"])))["promotion"]!;
        var id = (string)created["id"]!;

        var changed = ReplaceBody(created, b => b["category"]!["discounts"]![0]!["amount"] = 51);
        var error = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", changed)).ExpectAsync(400);
        Assert.Equal("category cannot be updated", (string?)error["message"]);
        Assert.Equal(400, (int?)error["status"]);

        var otherKind = ReplaceBody(created, b => b["category"] = JsonNode.Parse(ValidCategories["CartLevelPercentage"]));
        await (await client.PutJsonAsync($"{PromotionsPath}/{id}", otherKind)).ExpectAsync(400);

        // Same members in another order, and 50 written as 50.0: the same category.
        var reordered = ReplaceBody(created, b => b["category"] = JsonNode.Parse(
            """{"discounts":[{"currency":"EUR","amount":50.0}],"locale":"en-us","shopId":"storefront-catalog-en","excludedProducts":[],"includedProducts":["p1"],"includedCategories":[],"kind":"ProductLevelFixed"}"""));
        await (await client.PutJsonAsync($"{PromotionsPath}/{id}", reordered)).ExpectAsync(200);
    }

    [Fact]
    public async Task Replace_validates_the_body_like_create()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Validated", ValidCategories["CartLevelFixed"])))["promotion"]!;
        var id = (string)created["id"]!;

        var noName = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created, b => b.Remove("name")))).ExpectAsync(400);
        Assert.StartsWith("name:", (string?)noName["message"]);

        // Adding USD to a fixed promotion that has only an EUR amount.
        var uncovered = ReplaceBody(created, b => b["currencies"] = JsonNode.Parse("""[{"code":"EUR"},{"code":"USD"}]"""));
        var error = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", uncovered)).ExpectAsync(400);
        Assert.StartsWith("category.discounts:", (string?)error["message"]);

        var wrongId = await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created, b => b["id"] = "64357c41-cad8-4000-8000-d998be563098"))).ExpectAsync(400);
        Assert.StartsWith("id:", (string?)wrongId["message"]);
    }

    [Fact]
    public async Task Replace_to_a_name_taken_by_another_promotion_is_409()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        await client.CreateAsync(PromotionsPath, Body("Taken"));
        var created = (await client.CreateAsync(PromotionsPath, Body("Free")))["promotion"]!;
        var error = await (await client.PutJsonAsync($"{PromotionsPath}/{(string)created["id"]!}", ReplaceBody(created, b => b["name"] = "taken"))).ExpectAsync(409);
        Assert.Equal("duplicate_name", (string?)error["code"]);
    }

    [Fact]
    public async Task Concurrent_replaces_with_the_same_version_let_exactly_one_win()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        for (var round = 0; round < 5; round++)
        {
            var created = (await client.CreateAsync(PromotionsPath, Body($"Race {round}")))["promotion"]!;
            var id = (string)created["id"]!;
            var first = client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created, b => b["name"] = $"Race {round} A"));
            var second = client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created, b => b["name"] = $"Race {round} B"));
            var statuses = (await Task.WhenAll(first, second)).Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.Equal([200, 409], statuses);
        }
    }

    [Fact]
    public async Task Unknown_id_is_404_with_the_documented_body()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        using var response = await client.GetAsync($"{PromotionsPath}/64357c41-cad8-4000-8000-d998be563098");
        var body = await response.ExpectAsync(404);
        Assert.Equal("""{"message":"not found","status":404}""", body.ToJsonString());

        var put = ReplaceBody(Body("Ghost"), b => b["version"] = Guid.NewGuid().ToString());
        await (await client.PutJsonAsync($"{PromotionsPath}/64357c41-cad8-4000-8000-d998be563098", put)).ExpectAsync(404);
    }

    [Fact]
    public async Task Another_tenants_promotion_is_404_and_never_listed()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        var created = (await owner.CreateAsync(PromotionsPath, Body("Private")))["promotion"]!;
        var id = (string)created["id"]!;

        using var stranger = fixture.Client(ApiFixture.NewTenant());
        await (await stranger.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(404);
        await (await stranger.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(created))).ExpectAsync(404);
        var list = await (await stranger.GetAsync($"{PromotionsPath}?count=10&page=1")).ExpectAsync(200);
        Assert.Empty(list["items"]!.AsArray());
        Assert.Equal(0, (int?)list["pagination"]!["total"]);

        // The owner's promotion is untouched.
        var read = await (await owner.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(200);
        Assert.Equal((string?)created["version"], (string?)read["promotion"]!["version"]);
    }

    [Fact]
    public async Task Writes_need_the_write_scope_and_reads_the_read_scope()
    {
        var tenant = ApiFixture.NewTenant();
        using var reader = fixture.Client(tenant, "promotions:read");
        await (await reader.PostAsync(PromotionsPath, HttpJson.Body(Body("No scope").ToJsonString()))).ExpectAsync(403);
        await (await reader.GetAsync($"{PromotionsPath}?count=1&page=1")).ExpectAsync(200);

        using var writer = fixture.Client(tenant, "promotions:write");
        await (await writer.GetAsync($"{PromotionsPath}?count=1&page=1")).ExpectAsync(403);
    }

    [Fact]
    public async Task Tenant_and_user_id_headers_are_accepted_and_a_foreign_tenant_header_is_403()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var headers = new Dictionary<string, string> { ["tenant"] = tenant, ["user-id"] = "test-userid", ["x-request-id"] = "r-1" };
        using var ok = await client.SendJsonAsync(HttpMethod.Post, PromotionsPath, Body("Headers").ToJsonString(), headers);
        var body = await ok.ExpectAsync(201);
        Assert.Equal(User, (string?)body["promotion"]!["createdBy"]);

        headers["tenant"] = "test-tenant";
        using var foreign = await client.SendJsonAsync(HttpMethod.Post, PromotionsPath, Body("Headers 2").ToJsonString(), headers);
        await foreign.ExpectAsync(403);
    }

    [Fact]
    public async Task Status_is_derived_from_the_clock_with_an_inclusive_validTo()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var now = DateTimeOffset.FromUnixTimeSeconds(fixture.Clock.GetUtcNow().ToUnixTimeSeconds());
        string At(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        async Task<string> CreateAsync(string name, DateTimeOffset from, DateTimeOffset? to, bool active = true)
        {
            var body = Body(name, active: active);
            body["validFrom"] = At(from);
            body["validTo"] = to is null ? null : At(to.Value);
            return (string)(await client.CreateAsync(PromotionsPath, body))["promotion"]!["id"]!;
        }

        var planned = await CreateAsync("Planned", now.AddMinutes(10), null);
        var running = await CreateAsync("Running", now.AddMinutes(-10), now.AddMinutes(5));
        var past = await CreateAsync("Past", now.AddHours(-2), now.AddHours(-1));
        var disabled = await CreateAsync("Disabled", now.AddMinutes(-10), null, active: false);

        async Task<string?> StatusAsync(string id) =>
            (string?)(await (await client.GetAsync($"{PromotionsPath}/{id}")).ExpectAsync(200))["promotion"]!["status"];

        try
        {
            Assert.Equal("Planned", await StatusAsync(planned));
            Assert.Equal("Running", await StatusAsync(running));
            Assert.Equal("Past", await StatusAsync(past));
            Assert.Equal("Disabled", await StatusAsync(disabled));

            fixture.Clock.SetUtcNow(now.AddMinutes(5)); // exactly validTo: still running (docs/spec.md §8 #7)
            Assert.Equal("Running", await StatusAsync(running));
            fixture.Clock.SetUtcNow(now.AddMinutes(5).AddSeconds(1));
            Assert.Equal("Past", await StatusAsync(running));
            fixture.Clock.SetUtcNow(now.AddMinutes(10)); // exactly validFrom: running
            Assert.Equal("Running", await StatusAsync(planned));
        }
        finally
        {
            fixture.Clock.MoveForwardTo(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Every_write_bumps_the_catalogue_version()
    {
        var tenant = ApiFixture.NewTenant();
        using var client = fixture.Client(tenant);
        async Task<long> VersionAsync()
        {
            await using var connection = await fixture.Database.OpenAsync();
            return await CatalogueVersions.GetAsync(connection, tenant);
        }

        Assert.Equal(0, await VersionAsync());
        var created = (await client.CreateAsync(PromotionsPath, Body("Signal")))["promotion"]!;
        Assert.Equal(1, await VersionAsync());
        await (await client.PutJsonAsync($"{PromotionsPath}/{(string)created["id"]!}", ReplaceBody(created))).ExpectAsync(200);
        Assert.Equal(2, await VersionAsync());

        // A refused write changes nothing.
        await (await client.PostAsync(PromotionsPath, HttpJson.Body(Body("signal").ToJsonString()))).ExpectAsync(409);
        Assert.Equal(2, await VersionAsync());
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4000-8000-[0-9a-f]{12}$")]
    private static partial Regex ObjectIdShape();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Rfc3339Z();
}

public sealed class PromotionSqliteTests(SqliteApiFixture fixture) : PromotionTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PromotionPostgresTests(PostgresApiFixture fixture) : PromotionTests(fixture), IClassFixture<PostgresApiFixture>;

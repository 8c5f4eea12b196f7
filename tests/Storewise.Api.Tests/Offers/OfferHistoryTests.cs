using System.Globalization;
using System.Text.Json.Nodes;
using Storewise.Api.Tests.Infrastructure;
using static Storewise.Api.Tests.Offers.OfferBodies;

namespace Storewise.Api.Tests.Offers;

/// <summary>Offer history and <c>asOf</c> reads (docs/decisions/0701-offer-history.md) over HTTP, on both providers.</summary>
public abstract class OfferHistoryTests(ApiFixture fixture)
{
    private const string User = "25dd570161b05f0cae353a56757f8495";

    [Fact]
    public async Task Every_changed_promotion_field_is_recorded_with_before_and_after()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Spring")))["promotion"]!;
        var id = (string)created["id"]!;
        var replace = ReplaceBody(created, b =>
        {
            b["name"] = "Spring sale";
            b["description"] = "Ten off";
            b["active"] = false;
            b["localizedTimezone"] = false;
            b["validFrom"] = "2021-01-01T00:00:00Z";
            b["validTo"] = "2098-01-01T00:00:00Z";
            b["currencies"] = new JsonArray(new JsonObject { ["code"] = "USD", ["minimumCartValue"] = 5 });
            b["stores"] = new JsonArray("s1");
            b["exclusive"] = true;
            b["segment"] = new JsonObject { ["key"] = "tier", ["value"] = "gold", ["schema"] = 1 };
        });
        await (await client.PutJsonAsync($"{PromotionsPath}/{id}", replace)).ExpectAsync(200);

        var page = await (await client.GetAsync($"{PromotionsPath}/{id}/history?count=10&page=1")).ExpectAsync(200);
        var entries = page["items"]!.AsArray();
        Assert.Equal([2, 1], entries.Select(e => (int)e!["revision"]!));
        var changes = Changes(entries[0]!);
        string[] changed = ["name", "description", "validFrom", "validTo", "active", "currencies", "stores", "localizedTimezone", "exclusive", "segment"];
        Assert.Equal(changed, changes.Keys);
        Assert.Null(changes["description"]["before"]); // stored as omitted; the answer showed the name instead
        foreach (var field in changed.Where(f => f != "description"))
        {
            Assert.True(JsonNode.DeepEquals(created[field], changes[field]["before"]), field);
        }

        foreach (var field in changed)
        {
            Assert.True(JsonNode.DeepEquals(replace[field], changes[field]["after"]), field);
        }

        Assert.Equal(User, (string?)entries[0]!["recordedBy"]);
        Assert.NotEqual((string?)entries[0]!["version"], (string?)entries[1]!["version"]);
        Assert.Equal((string?)created["version"], (string?)entries[1]!["version"]);
        Assert.Equal((string?)created["createdAt"], (string?)entries[1]!["recordedAt"]);
    }

    [Fact]
    public async Task The_first_revision_lists_every_field_that_has_a_value()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(PromotionsPath, Body("Bare")))["promotion"]!;
        var page = await (await client.GetAsync($"{PromotionsPath}/{created["id"]}/history?count=10&page=1")).ExpectAsync(200);
        var changes = Changes(page["items"]![0]!);
        Assert.Equal(["name", "validFrom", "validTo", "category", "active", "currencies", "localizedTimezone", "exclusive"], changes.Keys);
        Assert.All(changes.Values, c => Assert.Null(c["before"]));
        Assert.True(JsonNode.DeepEquals(created["category"], changes["category"]["after"]));
    }

    [Fact]
    public async Task Coupon_only_fields_are_recorded_on_coupons()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var created = (await client.CreateAsync(CouponsPath, Body("Welcome")))["coupon"]!;
        var id = (string)created["id"]!;
        await (await client.PutJsonAsync($"{CouponsPath}/{id}", ReplaceBody(created, b =>
        {
            b.Remove("description");
            b["singleUse"] = true;
            b["consumers"] = new JsonArray("c1", "c2");
            b["externalId"] = "ext-1";
        }))).ExpectAsync(200);

        var page = await (await client.GetAsync($"{CouponsPath}/{id}/history?count=1&page=1")).ExpectAsync(200);
        var changes = Changes(page["items"]![0]!);
        Assert.Equal(["singleUse", "consumers", "externalId"], changes.Keys);
        Assert.False((bool)changes["singleUse"]["before"]!);
        Assert.True((bool)changes["singleUse"]["after"]!);
        Assert.Equal(["c1", "c2"], changes["consumers"]["after"]!.AsArray().Select(c => (string)c!));
        Assert.Null(changes["externalId"]["before"]);
        Assert.Equal("ext-1", (string?)changes["externalId"]["after"]);
    }

    [Fact]
    public async Task History_is_paged_newest_first_and_a_rejected_write_adds_nothing()
    {
        using var client = fixture.Client(ApiFixture.NewTenant());
        var current = (await client.CreateAsync(PromotionsPath, Body("Paged")))["promotion"]!;
        var id = (string)current["id"]!;
        var first = current;
        for (var n = 2; n <= 3; n++)
        {
            var name = $"Paged {n}";
            current = (await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(current, b => b["name"] = name))).ExpectAsync(200))["promotion"]!;
        }

        await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(first, b => b["name"] = "Stale"))).ExpectAsync(409);

        var one = await (await client.GetAsync($"{PromotionsPath}/{id}/history?count=2&page=1")).ExpectAsync(200);
        Assert.Equal([3, 2], one["items"]!.AsArray().Select(e => (int)e!["revision"]!));
        Assert.Equal(3, (long)one["pagination"]!["total"]!);
        Assert.Equal($"/promotion/{id}/history?count=2&page=2", (string?)one["links"]!["next"]);
        Assert.Equal("Paged", (string?)Changes(one["items"]![1]!)["name"]["before"]);
        Assert.Equal("Paged 2", (string?)Changes(one["items"]![0]!)["name"]["before"]);

        var two = await (await client.GetAsync($"{PromotionsPath}/{id}/history?count=2&page=2")).ExpectAsync(200);
        var oldest = Assert.Single(two["items"]!.AsArray());
        Assert.Equal(1, (int)oldest!["revision"]!);
        Assert.Null(Changes(oldest)["name"]["before"]);
        Assert.Null(two["links"]!["next"]);
    }

    [Fact]
    public async Task As_of_returns_each_revision_from_its_exact_write_time_and_404_before_creation()
    {
        var created = new DateTimeOffset(2030, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var replaced = created.AddSeconds(10);
        using var client = fixture.Client(ApiFixture.NewTenant());
        fixture.Clock.SetUtcNow(created);
        var v1 = (await client.CreateAsync(PromotionsPath, Body("Timed")))["promotion"]!;
        var id = (string)v1["id"]!;
        fixture.Clock.SetUtcNow(replaced);
        var v2 = (await (await client.PutJsonAsync($"{PromotionsPath}/{id}", ReplaceBody(v1, b => b["name"] = "Timed 2"))).ExpectAsync(200))["promotion"]!;
        fixture.Clock.SetUtcNow(replaced.AddHours(1));

        await (await client.GetAsync(AsOf(id, created.AddMilliseconds(-1)))).ExpectAsync(404);
        Assert.Equal((string?)v1["version"], (string?)(await (await client.GetAsync(AsOf(id, created))).ExpectAsync(200))["promotion"]!["version"]);
        var justBefore = (await (await client.GetAsync(AsOf(id, replaced.AddMilliseconds(-1)))).ExpectAsync(200))["promotion"]!;
        Assert.Equal("Timed", (string?)justBefore["name"]);
        var atReplace = (await (await client.GetAsync(AsOf(id, replaced))).ExpectAsync(200))["promotion"]!;
        Assert.True(JsonNode.DeepEquals(v2, atReplace));
        var plusOffset = await (await client.GetAsync($"{PromotionsPath}/{id}?asOf={Uri.EscapeDataString("2030-03-01T11:00:09+01:00")}")).ExpectAsync(200);
        Assert.Equal("Timed", (string?)plusOffset["promotion"]!["name"]);
    }

    [Fact]
    public async Task As_of_and_history_answer_404_for_unknown_or_foreign_offers_and_400_for_a_bad_instant()
    {
        using var owner = fixture.Client(ApiFixture.NewTenant());
        using var other = fixture.Client(ApiFixture.NewTenant());
        var id = (string)(await owner.CreateAsync(CouponsPath, Body("Mine")))["coupon"]!["id"]!;

        await (await other.GetAsync($"{CouponsPath}/{id}/history?count=5&page=1")).ExpectAsync(404);
        await (await other.GetAsync($"{CouponsPath}/{id}?asOf=2099-01-01T00:00:00Z")).ExpectAsync(404);
        await (await owner.GetAsync($"{PromotionsPath}/{id}/history?count=5&page=1")).ExpectAsync(404);
        var bad = await (await owner.GetAsync($"{CouponsPath}/{id}?asOf=yesterday")).ExpectAsync(400);
        Assert.StartsWith("asOf:", (string?)bad["message"]);
        await (await owner.GetAsync($"{CouponsPath}/{id}/history?count=0&page=1")).ExpectAsync(400);
    }

    private static string AsOf(string id, DateTimeOffset at) =>
        $"{PromotionsPath}/{id}?asOf={Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}";

    private static Dictionary<string, JsonNode> Changes(JsonNode entry) =>
        entry["changes"]!.AsArray().ToDictionary(c => (string)c!["field"]!, c => c!);
}

public sealed class OfferHistorySqliteTests(SqliteApiFixture fixture) : OfferHistoryTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class OfferHistoryPostgresTests(PostgresApiFixture fixture) : OfferHistoryTests(fixture), IClassFixture<PostgresApiFixture>;

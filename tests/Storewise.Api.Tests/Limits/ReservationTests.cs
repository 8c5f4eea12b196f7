using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Reservations;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Limits;

/// <summary>The reservation routes: reserve, confirm, release, expiry and rollback, with the ledger checked after each.</summary>
public abstract class ReservationTests(ApiFixture fixture)
{
    private const string Cart = """
        {"currency":"EUR","customerId":"cust-1","items":[{"id":"a","productId":"a","quantity":1,"price":30.00},
         {"id":"b","productId":"b","quantity":1,"price":20.00},{"id":"c","productId":"c","quantity":1,"price":10.00}]}
        """;

    private async Task<(string Tenant, HttpClient Client, string OfferId)> TenantWithPromotionAsync(string usage, string discount = "10")
    {
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        var body = $$"""
            {"name":"Limited","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":{{discount}}},
             "currencies":[{"code":"EUR","minimumCartValue":0}],{{usage}}}
            """;
        var created = await (await client.PostAsync("/v0/promotions/promotion", HttpJson.Body(body))).ExpectAsync(201);
        return (tenant, client, (string)created["promotion"]!["id"]!);
    }

    [Fact]
    public async Task Reserving_answers_201_with_the_reservation_and_the_held_cart()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;

        var reserved = await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201);

        Assert.False(string.IsNullOrEmpty((string?)reserved["id"]));
        Assert.Equal("order-1", (string?)reserved["orderId"]);
        Assert.Equal("reserved", (string?)reserved["status"]);
        var expiresAt = DateTimeOffset.Parse((string)reserved["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(fixture.Clock.GetUtcNow().AddSeconds(900) - expiresAt, TimeSpan.Zero, TimeSpan.FromSeconds(1)); // RFC 3339 to the second
        Assert.Equal(6.00m, (decimal)reserved["cart"]!["discountTotal"]!);
        Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task The_last_unit_goes_to_one_order_and_comes_back_when_it_is_released()
    {
        var (tenant, client, _) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":1}");
        using var _ = client;

        var first = await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201);
        var second = await (await client.ReserveAsync("order-2", Cart)).ExpectAsync(201);
        Assert.Equal(6.00m, (decimal)first["cart"]!["discountTotal"]!);
        Assert.Equal(0.00m, (decimal)second["cart"]!["discountTotal"]!); // never a discount that is not held

        await (await client.ReleaseAsync((string)first["id"]!)).ExpectAsync(204);
        await (await client.ReleaseAsync((string)first["id"]!)).ExpectAsync(204); // idempotent
        var third = await (await client.ReserveAsync("order-3", Cart)).ExpectAsync(201);

        Assert.Equal(6.00m, (decimal)third["cart"]!["discountTotal"]!);
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task A_held_use_shows_in_cart_pricing_as_taken()
    {
        var (_, client, _) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":1}");
        using var _ = client;
        await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201);

        var cart = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart?explain=true", Cart)).ExpectAsync(200);

        Assert.Equal(0.00m, (decimal)cart["discountTotal"]!);
        Assert.Equal("limit_reached", (string?)cart["notApplied"]![0]!["reason"]);
    }

    [Fact]
    public async Task A_money_budget_is_held_to_the_cent_and_caps_the_next_cart()
    {
        // 20% of 60.00 is 12.00; the budget of 15.00 gives the first cart 12.00 and the second the 3.00 left.
        var (tenant, client, offer) = await TenantWithPromotionAsync(
            "\"budget\":{\"amounts\":[{\"currency\":\"EUR\",\"amount\":15}],\"period\":\"day\"},\"timeZone\":\"America/New_York\"", "20");
        using var _ = client;

        var first = await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201);
        var second = await (await client.ReserveAsync("order-2", Cart)).ExpectAsync(201);
        var third = await (await client.ReserveAsync("order-3", Cart)).ExpectAsync(201);

        Assert.Equal(12.00m, (decimal)first["cart"]!["discountTotal"]!);
        Assert.Equal(3.00m, (decimal)second["cart"]!["discountTotal"]!);
        Assert.Equal([1.50m, 1.00m, 0.50m], second["cart"]!["items"]!.AsArray().Select(i => (decimal)i!["totalDiscount"]!));
        Assert.Equal(0.00m, (decimal)third["cart"]!["discountTotal"]!);
        var day = Api.Limits.BudgetPeriods.KeyOf(Api.Offers.BudgetPeriod.Day, "America/New_York", fixture.Clock.GetUtcNow());
        Assert.Equal(1500, await ReservationApi.CounterAsync(fixture, tenant, offer, $"money::{day}:EUR"));
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task Confirm_is_idempotent_and_a_confirmed_reservation_cannot_be_released()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        var id = (string)(await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201))["id"]!;

        var confirmed = await (await client.ConfirmAsync(id)).ExpectAsync(200);
        var again = await (await client.ConfirmAsync(id)).ExpectAsync(200);

        Assert.Equal("confirmed", (string?)confirmed["status"]);
        Assert.Equal("confirmed", (string?)again["status"]);
        Assert.Equal(6.00m, (decimal)again["cart"]!["discountTotal"]!);
        Assert.Equal("reservation_confirmed", (string?)(await (await client.ReleaseAsync(id)).ExpectAsync(409))["code"]);
        Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
    }

    [Fact]
    public async Task Rolling_the_order_back_gives_a_confirmed_reservation_back_exactly()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        var id = (string)(await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201))["id"]!;
        await (await client.ReserveAsync("order-2", Cart)).ExpectAsync(201);
        await (await client.ConfirmAsync(id)).ExpectAsync(200);

        await (await client.RollBackAsync("order-1")).ExpectAsync(204);

        Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
        Assert.Equal("reservation_released", (string?)(await (await client.ConfirmAsync(id)).ExpectAsync(409))["code"]);
        await (await client.RollBackAsync("order-1")).ExpectAsync(404); // nothing left to roll back
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task Released_and_expired_reservations_cannot_be_confirmed()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        var released = (string)(await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201))["id"]!;
        var expiring = (string)(await (await client.ReserveAsync("order-2", Cart, ttlSeconds: 1)).ExpectAsync(201))["id"]!;
        await (await client.ReleaseAsync(released)).ExpectAsync(204);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("reservation_released", (string?)(await (await client.ConfirmAsync(released)).ExpectAsync(409))["code"]);
        Assert.Equal("reservation_expired", (string?)(await (await client.ConfirmAsync(expiring)).ExpectAsync(409))["code"]);
        Assert.Equal(0, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
        Assert.Equal("reservation_not_found", (string?)(await (await client.ConfirmAsync("no-such-id")).ExpectAsync(404))["code"]);
        await (await client.ReleaseAsync("no-such-id")).ExpectAsync(404);
    }

    [Fact]
    public async Task The_sweeper_releases_what_expired_and_nothing_else()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        await (await client.ReserveAsync("order-1", Cart, ttlSeconds: 1)).ExpectAsync(201);
        await (await client.ReserveAsync("order-2", Cart, ttlSeconds: 3600)).ExpectAsync(201);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        await fixture.Services.GetRequiredService<ReservationSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task One_live_reservation_per_order()
    {
        var (_, client, _) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(201);

        Assert.Equal("order_already_reserved", (string?)(await (await client.ReserveAsync("order-1", Cart)).ExpectAsync(409))["code"]);
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_replays_the_first_reservation()
    {
        var (tenant, client, offer) = await TenantWithPromotionAsync("\"limits\":{\"maxRedemptions\":5}");
        using var _ = client;
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "key-1" };

        var first = await client.SendJsonAsync(HttpMethod.Post, ReservationApi.Url, ReservationApi.Body("order-1", Cart), headers);
        var second = await client.SendJsonAsync(HttpMethod.Post, ReservationApi.Url, ReservationApi.Body("order-1", Cart), headers);

        Assert.Equal((string?)(await first.ExpectAsync(201))["id"], (string?)(await second.ExpectAsync(201))["id"]);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await ReservationApi.CounterAsync(fixture, tenant, offer, "offer"));
    }

    [Theory]
    [InlineData("""{"orderId":"o-1"}""", "cart")]
    [InlineData("""{"cart":{"currency":"EUR","items":[]}}""", "orderId")]
    [InlineData("""{"cart":{"currency":"EURO","items":[]},"orderId":"o-1"}""", "cart.currency")]
    [InlineData("""{"cart":{"currency":"EUR","items":[],"evaluatedAt":"2024-01-01T00:00:00Z"},"orderId":"o-1"}""", "cart.evaluatedAt")]
    [InlineData("""{"cart":{"currency":"EUR","items":[]},"orderId":"o-1","ttlSeconds":0}""", "ttlSeconds")]
    [InlineData("""{"cart":{"currency":"EUR","items":[]},"orderId":"o-1","ttlSeconds":86401}""", "ttlSeconds")]
    public async Task An_invalid_body_is_400_naming_the_field(string body, string field)
    {
        using var client = fixture.Client(ApiFixture.NewTenant());

        var error = await (await client.PostAsync(ReservationApi.Url, HttpJson.Body(body))).ExpectAsync(400);

        Assert.Contains(field + ":", (string?)error["message"] + string.Join(" ", ((JsonArray?)error["causes"])?.Select(c => (string?)c) ?? []));
    }
}

public sealed class ReservationSqliteTests(SqliteApiFixture fixture) : ReservationTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ReservationPostgresTests(PostgresApiFixture fixture) : ReservationTests(fixture), IClassFixture<PostgresApiFixture>;

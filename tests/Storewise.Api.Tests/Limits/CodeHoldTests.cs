using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Storewise.Api.Reservations;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;
using Storewise.Api.Tests.Redemptions;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// Reservations hold code uses (docs/decisions/0604-reservations-hold-code-uses.md): a code reserved up to its limit
/// is taken for every other order, by reservation and by redemption, until it is released or expires; confirming
/// makes it a redemption of the order, which the order's rollback undoes.
/// </summary>
public abstract class CodeHoldTests(ApiFixture fixture)
{
    private static string Cart(string code) => $$"""
        {"currency":"EUR","customerId":"cust-1","couponCodes":["{{code}}"],"items":[{"id":"a","productId":"a","quantity":1,"price":50.00}]}
        """;

    private async Task<(string Tenant, HttpClient Client)> CouponAsync(string terms, string code)
    {
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        var body = $$"""
            {"name":"Held {{code}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR","minimumCartValue":0}]{{terms}}}
            """;
        var created = await (await client.PostAsync("/v0/promotions/coupon", HttpJson.Body(body))).ExpectAsync(201);
        await client.CreateCodesAsync((string)created["coupon"]!["id"]!, code);
        return (tenant, client);
    }

    private static async Task<(string Id, decimal Discount, string? Rejection)> ReserveAsync(HttpClient client, string order, string code, int? ttlSeconds = null)
    {
        var reserved = await (await client.ReserveAsync(order, Cart(code), ttlSeconds)).ExpectAsync(201);
        var cart = reserved["cart"]!;
        return ((string)reserved["id"]!, (decimal)cart["discountTotal"]!, (string?)cart["rejectedCoupons"]!.AsArray().FirstOrDefault()?["reason"]);
    }

    // held equals the code's reserved grants, redemptions its live rows, and the counters their live grants.
    private async Task AssertLedgerAsync(string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var off = await connection.QueryAsync<string>(
            """
            SELECT c.code FROM coupon_codes c
            WHERE c.tenant = @tenant
              AND c.held <> (SELECT COALESCE(SUM(g.amount), 0) FROM usage_grants g
                             WHERE g.tenant = c.tenant AND g.offer_id = c.coupon_id AND g.code = c.code_key AND g.counter LIKE 'code:%' AND g.state = 'reserved')
            """,
            new { tenant });
        Assert.Empty(off);
        Assert.Empty(await RedemptionApi.CountersOffLedgerAsync(fixture, tenant));
        Assert.Empty(await ReservationApi.CountersOffLedgerAsync(fixture, tenant));
    }

    [Fact]
    public async Task A_reserved_single_use_code_is_taken_for_other_orders_until_it_is_released()
    {
        var (tenant, client) = await CouponAsync(",\"singleUse\":true", "HOLD1");
        using var _ = client;

        var first = await ReserveAsync(client, "order-1", "HOLD1");
        var second = await ReserveAsync(client, "order-2", "HOLD1");
        var redeemed = await (await client.RedeemAsync("order-3", "HOLD1")).ExpectAsync(409);

        Assert.Equal(5.00m, first.Discount);
        Assert.Equal((0.00m, "already_redeemed"), (second.Discount, second.Rejection));
        Assert.Equal("coupon_code_already_redeemed", (string?)redeemed["code"]);
        await AssertLedgerAsync(tenant);

        await (await client.ReleaseAsync(first.Id)).ExpectAsync(204);
        await (await client.ReleaseAsync(second.Id)).ExpectAsync(204);
        var third = await ReserveAsync(client, "order-4", "HOLD1");

        Assert.Equal(5.00m, third.Discount);
        await AssertLedgerAsync(tenant);
    }

    [Fact]
    public async Task A_per_code_limit_is_held_up_to_the_limit_and_refuses_the_next_order()
    {
        var (tenant, client) = await CouponAsync(",\"limits\":{\"maxRedemptionsPerCode\":2}", "HOLD2");
        using var _ = client;

        var first = await ReserveAsync(client, "order-1", "HOLD2");
        var second = await ReserveAsync(client, "order-2", "HOLD2");
        var third = await ReserveAsync(client, "order-3", "HOLD2");
        var redeemed = await (await client.RedeemAsync("order-4", "HOLD2")).ExpectAsync(409);

        Assert.Equal([5.00m, 5.00m, 0.00m], new[] { first.Discount, second.Discount, third.Discount });
        Assert.Equal("limit_reached", third.Rejection);
        Assert.Equal("limit_reached", (string?)redeemed["code"]);
        await AssertLedgerAsync(tenant);
    }

    [Fact]
    public async Task Confirming_turns_the_held_use_into_a_redemption_and_the_rollback_gives_it_back()
    {
        var (tenant, client) = await CouponAsync(",\"singleUse\":true", "HOLD3");
        using var _ = client;
        var reserved = await ReserveAsync(client, "order-1", "HOLD3");

        await (await client.ConfirmAsync(reserved.Id)).ExpectAsync(200);
        await (await client.ConfirmAsync(reserved.Id)).ExpectAsync(200); // idempotent: still one redemption

        Assert.Equal(1, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "HOLD3"));
        Assert.Equal("already_redeemed", (await ReserveAsync(client, "order-2", "HOLD3")).Rejection);
        await AssertLedgerAsync(tenant);

        await (await client.RollBackAsync("order-1")).ExpectAsync(204);

        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "HOLD3"));
        Assert.Equal(5.00m, (await ReserveAsync(client, "order-3", "HOLD3")).Discount);
        await AssertLedgerAsync(tenant);
    }

    [Fact]
    public async Task The_sweeper_gives_an_expired_hold_back()
    {
        var (tenant, client) = await CouponAsync(",\"singleUse\":true", "HOLD4");
        using var _ = client;
        var expiring = await ReserveAsync(client, "order-1", "HOLD4", ttlSeconds: 1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        await fixture.Services.GetRequiredService<ReservationSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal("reservation_expired", (string?)(await (await client.ConfirmAsync(expiring.Id)).ExpectAsync(409))["code"]);
        await (await client.RedeemAsync("order-2", "HOLD4")).ExpectAsync(200);
        await AssertLedgerAsync(tenant);
    }

    [Fact]
    public async Task A_late_confirm_expires_the_hold_instead_of_redeeming_it()
    {
        var (tenant, client) = await CouponAsync(",\"singleUse\":true", "HOLD5");
        using var _ = client;
        var expiring = await ReserveAsync(client, "order-1", "HOLD5", ttlSeconds: 1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("reservation_expired", (string?)(await (await client.ConfirmAsync(expiring.Id)).ExpectAsync(409))["code"]);

        Assert.Equal(0, await RedemptionApi.RedemptionsOfAsync(fixture, tenant, "HOLD5"));
        Assert.Equal(5.00m, (await ReserveAsync(client, "order-2", "HOLD5")).Discount);
        await AssertLedgerAsync(tenant);
    }
}

public sealed class CodeHoldSqliteTests(SqliteApiFixture fixture) : CodeHoldTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CodeHoldPostgresTests(PostgresApiFixture fixture) : CodeHoldTests(fixture), IClassFixture<PostgresApiFixture>;

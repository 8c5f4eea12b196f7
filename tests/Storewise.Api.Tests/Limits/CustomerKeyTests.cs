using Dapper;
using Storewise.Api.Limits;
using Storewise.Api.Tests.Codes;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// <c>maxRedemptionsPerCustomer</c> counts customer ids trimmed and case-insensitively for all of Unicode: the key is
/// computed once in C# and stored (docs/decisions/0605-customer-keys-normalised-once.md).
/// </summary>
public abstract class CustomerKeyTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("Ärger@x", "ärger@X ")]
    [InlineData("\u00A0ÖSTERREICH\u3000", "österreich")]
    [InlineData("ΣΟΦΊΑ", "σοφία")]
    public void Ids_that_differ_only_in_case_and_surrounding_white_space_have_one_key(string one, string other) =>
        Assert.Equal(CustomerKeys.Of(one), CustomerKeys.Of(other));

    [Fact]
    public void Different_customers_keep_different_keys() =>
        Assert.NotEqual(CustomerKeys.Of("ärger@x"), CustomerKeys.Of("arger@x"));

    private static string Cart(string customer, string code) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            currency = "EUR",
            customerId = customer,
            couponCodes = new[] { code },
            items = new[] { new { id = "a", productId = "a", quantity = 1, price = 50.00m } },
        });

    private static string Redemption(string order, string code, string consumer) =>
        System.Text.Json.JsonSerializer.Serialize(new { codes = new[] { code }, consumerId = consumer, channelType = "store", catalogTotal = 50m, currency = "EUR", orderId = order });

    private async Task<(string Tenant, HttpClient Client, string CouponId)> PerCustomerCouponAsync(string code)
    {
        var tenant = ApiFixture.NewTenant();
        var client = fixture.Client(tenant);
        var body = $$"""
            {"name":"Per customer {{code}}","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":10},
             "currencies":[{"code":"EUR","minimumCartValue":0}],"limits":{"maxRedemptionsPerCustomer":1} }
            """;
        var created = await (await client.PostAsync("/v0/promotions/coupon", HttpJson.Body(body))).ExpectAsync(201);
        var id = (string)created["coupon"]!["id"]!;
        await client.CreateCodesAsync(id, code);
        return (tenant, client, id);
    }

    private static async Task<string?> RejectionAsync(HttpClient client, string customer, string code)
    {
        var cart = await (await client.SendJsonAsync(HttpMethod.Post, "/v0/promotions/cart", Cart(customer, code))).ExpectAsync(200);
        return (string?)cart["rejectedCoupons"]!.AsArray().FirstOrDefault()?["reason"];
    }

    [Fact]
    public async Task A_non_ASCII_customer_is_one_customer_for_redemptions_reservations_and_pricing()
    {
        var (_, client, _) = await PerCustomerCouponAsync("UMLAUT");
        using var _ = client;

        await (await client.PostAsync("/v0/promotions/redemption", HttpJson.Body(Redemption("order-1", "UMLAUT", "Ärger@x")))).ExpectAsync(200);

        Assert.Equal("customer_limit_reached", await RejectionAsync(client, "ärger@X ", "UMLAUT"));
        var again = await (await client.PostAsync("/v0/promotions/redemption", HttpJson.Body(Redemption("order-2", "UMLAUT", " ÄRGER@X")))).ExpectAsync(409);
        Assert.Equal("customer_limit_reached", (string?)again["code"]);
        var reserved = await (await client.ReserveAsync("order-3", Cart("ärger@x", "UMLAUT"))).ExpectAsync(201);
        Assert.Equal(0.00m, (decimal)reserved["cart"]!["discountTotal"]!);
        Assert.Null(await RejectionAsync(client, "arger@x", "UMLAUT"));
    }

    [Fact]
    public async Task Redemptions_stored_before_the_key_column_are_counted_once_the_migration_step_keyed_them()
    {
        var (tenant, client, _) = await PerCustomerCouponAsync("LEGACY");
        using var _ = client;
        // A row as migration 0011 finds it: written by the old route, no key and no ledger hold.
        await using (var connection = await fixture.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO redemptions (tenant, id, order_id, code_id, code, coupon_id, consumer_id, channel_type, redeemed_at)
                SELECT tenant, 'legacy-1', 'old-order', id, code, coupon_id, 'ÄRGER@X', 'store', 0 FROM coupon_codes WHERE tenant = @tenant
                """,
                new { tenant });
            await connection.ExecuteAsync("UPDATE coupon_codes SET redemptions = 1 WHERE tenant = @tenant", new { tenant });
        }

        Assert.Null(await RejectionAsync(client, "ärger@x ", "LEGACY")); // not keyed yet: not counted

        await fixture.Database.WriteAsync(async (connection, tx) =>
        {
            await CustomerKeys.BackfillAsync(connection, tx);
            return Api.Storage.WriteOutcome.Commit(true);
        });

        Assert.Equal("customer_limit_reached", await RejectionAsync(client, "ärger@x ", "LEGACY"));
        Assert.Null(await RejectionAsync(client, "someone-else", "LEGACY"));
    }
}

public sealed class CustomerKeySqliteTests(SqliteApiFixture fixture) : CustomerKeyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CustomerKeyPostgresTests(PostgresApiFixture fixture) : CustomerKeyTests(fixture), IClassFixture<PostgresApiFixture>;

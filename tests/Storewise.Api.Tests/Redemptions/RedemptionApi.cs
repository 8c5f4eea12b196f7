using Dapper;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Redemptions;

/// <summary>Redemption calls and the ledger invariant the redemption tests check.</summary>
public static class RedemptionApi
{
    public const string Url = "/v0/promotions/redemption";

    public static string Body(string orderId, params string[] codes) =>
        System.Text.Json.JsonSerializer.Serialize(new { codes, consumerId = "cust-1", channelType = "store", catalogTotal = 100.0m, currency = "EUR", orderId });

    public static Task<HttpResponseMessage> RedeemAsync(this HttpClient client, string orderId, params string[] codes) =>
        client.PostAsync(Url, HttpJson.Body(Body(orderId, codes)));

    public static Task<HttpResponseMessage> RollBackAsync(this HttpClient client, string orderId) =>
        client.DeleteAsync($"{Url}/{Uri.EscapeDataString(orderId)}");

    /// <summary>Every code of the tenant whose counter differs from its number of live ledger rows (should be none).</summary>
    public static async Task<List<string>> CountersOffLedgerAsync(ApiFixture fixture, string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var rows = await connection.QueryAsync<string>(
            """
            SELECT c.code FROM coupon_codes c
            WHERE c.tenant = @tenant
              AND c.redemptions <> (SELECT COUNT(*) FROM redemptions r WHERE r.tenant = c.tenant AND r.code_id = c.id AND r.rolled_back_at IS NULL)
            """,
            new { tenant });
        return rows.AsList();
    }

    public static async Task<long> RedemptionsOfAsync(ApiFixture fixture, string tenant, string code)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT redemptions FROM coupon_codes WHERE tenant = @tenant AND code_key = @key", new { tenant, key = code.ToUpperInvariant() });
    }
}

using Dapper;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Limits;

/// <summary>Reservation calls and the ledger invariant the reservation tests check.</summary>
public static class ReservationApi
{
    public const string Url = "/v0/promotions/reservations";

    public static string Body(string orderId, string cart, int? ttlSeconds = null) =>
        $$"""{"cart":{{cart}},"orderId":"{{orderId}}"{{(ttlSeconds is null ? "" : $",\"ttlSeconds\":{ttlSeconds}")}}}""";

    public static Task<HttpResponseMessage> ReserveAsync(this HttpClient client, string orderId, string cart, int? ttlSeconds = null) =>
        client.PostAsync(Url, HttpJson.Body(Body(orderId, cart, ttlSeconds)));

    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string id) =>
        client.PostAsync($"{Url}/{Uri.EscapeDataString(id)}/confirm", null);

    public static Task<HttpResponseMessage> ReleaseAsync(this HttpClient client, string id) =>
        client.DeleteAsync($"{Url}/{Uri.EscapeDataString(id)}");

    /// <summary>Every counter of the tenant that differs from the sum of its live ledger rows (should be none).</summary>
    public static async Task<List<string>> CountersOffLedgerAsync(ApiFixture fixture, string tenant)
    {
        await using var connection = await fixture.Database.OpenAsync();
        var rows = await connection.QueryAsync<string>(
            """
            SELECT c.offer_id || ' ' || c.counter FROM usage_counters c
            WHERE c.tenant = @tenant
              AND c.used <> (SELECT COALESCE(SUM(g.amount), 0) FROM usage_grants g
                             WHERE g.tenant = c.tenant AND g.offer_id = c.offer_id AND g.counter = c.counter AND g.state IN ('reserved', 'confirmed'))
            """,
            new { tenant });
        return rows.AsList();
    }

    /// <summary>The value of one counter of an offer (0 when it was never moved).</summary>
    public static async Task<long> CounterAsync(ApiFixture fixture, string tenant, string offerId, string counter)
    {
        await using var connection = await fixture.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>(
            "SELECT used FROM usage_counters WHERE tenant = @tenant AND offer_id = @offerId AND counter = @counter",
            new { tenant, offerId, counter }) ?? 0;
    }
}

using System.Data.Common;
using Dapper;

namespace Storewise.Api.Limits;

/// <summary>
/// The ledger of usage grants and the counters it keeps (docs/decisions/0602-usage-ledger-and-reservations.md).
/// Every change runs inside the caller's write transaction: a hold moves each counter with its capacity in the
/// <c>UPDATE</c>'s <c>WHERE</c> and records a grant row, so the counters always equal the sum of the live grants.
/// </summary>
public static class UsageLedger
{
    /// <summary>
    /// Holds every grant for <paramref name="reservationId"/>, or stops at the first counter that has no room and
    /// returns its offer id (the caller rolls back: all or nothing). Null when everything is held.
    /// </summary>
    public static async Task<string?> HoldAsync(
        DbConnection connection, DbTransaction transaction, string tenant, string reservationId, string orderId, IReadOnlyList<UsageGrant> grants)
    {
        // One lock order for every transaction, so two holds over the same counters cannot deadlock.
        foreach (var grant in grants.OrderBy(g => g.OfferId, StringComparer.Ordinal).ThenBy(g => g.Counter, StringComparer.Ordinal))
        {
            var key = new { tenant, grant.OfferId, grant.Counter, grant.Amount, grant.Capacity };
            await connection.ExecuteAsync(
                "INSERT INTO usage_counters (tenant, offer_id, counter, used) VALUES (@tenant, @OfferId, @Counter, 0) ON CONFLICT DO NOTHING",
                key,
                transaction);
            var moved = await connection.ExecuteAsync(
                """
                UPDATE usage_counters SET used = used + @Amount
                WHERE tenant = @tenant AND offer_id = @OfferId AND counter = @Counter AND used + @Amount <= @Capacity
                """,
                key,
                transaction);
            if (moved == 0)
            {
                return grant.OfferId;
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO usage_grants (tenant, reservation_id, offer_id, counter, order_id, code, customer_key, store_id, period, amount, state)
                VALUES (@tenant, @reservationId, @OfferId, @Counter, @orderId, @Code, @CustomerKey, @StoreId, @Period, @Amount, 'reserved')
                """,
                new { tenant, reservationId, orderId, grant.OfferId, grant.Counter, grant.Code, grant.CustomerKey, grant.StoreId, grant.Period, grant.Amount },
                transaction);
        }

        return null;
    }

    /// <summary>Marks the reservation's held grants confirmed; the counters keep them.</summary>
    public static Task ConfirmAsync(DbConnection connection, DbTransaction transaction, string tenant, string reservationId) =>
        connection.ExecuteAsync(
            "UPDATE usage_grants SET state = 'confirmed' WHERE tenant = @tenant AND reservation_id = @reservationId AND state = 'reserved'",
            new { tenant, reservationId },
            transaction);

    /// <summary>Gives back exactly what the reservation's live grants hold and marks them released.</summary>
    public static async Task ReleaseAsync(DbConnection connection, DbTransaction transaction, string tenant, string reservationId)
    {
        var live = (await connection.QueryAsync<LiveGrant>(
            """
            SELECT offer_id AS OfferId, counter AS Counter, amount AS Amount FROM usage_grants
            WHERE tenant = @tenant AND reservation_id = @reservationId AND state IN ('reserved', 'confirmed')
            """,
            new { tenant, reservationId },
            transaction)).AsList();
        foreach (var grant in live.OrderBy(g => g.OfferId, StringComparer.Ordinal).ThenBy(g => g.Counter, StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(
                "UPDATE usage_counters SET used = used - @Amount WHERE tenant = @tenant AND offer_id = @OfferId AND counter = @Counter",
                new { tenant, grant.OfferId, grant.Counter, grant.Amount },
                transaction);
        }

        await connection.ExecuteAsync(
            "UPDATE usage_grants SET state = 'released' WHERE tenant = @tenant AND reservation_id = @reservationId AND state IN ('reserved', 'confirmed')",
            new { tenant, reservationId },
            transaction);
    }

    // A class with setters, so Dapper converts SQLite's and PostgreSQL's integer types alike.
    private sealed class LiveGrant
    {
        public string OfferId { get; set; } = "";

        public string Counter { get; set; } = "";

        public long Amount { get; set; }
    }
}

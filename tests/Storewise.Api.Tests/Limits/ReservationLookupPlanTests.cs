using Dapper;
using Storewise.Api.Limits;
using Storewise.Api.Reservations;
using Storewise.Api.Tests.Infrastructure;

namespace Storewise.Api.Tests.Limits;

/// <summary>
/// A confirm finds its reservation by the primary key even on a table PostgreSQL has no statistics for yet, instead
/// of scanning every live reservation of the tenant (docs/decisions/0608-reservation-throughput.md).
/// </summary>
public sealed class ReservationLookupPlanTests
{
    [Fact]
    public async Task The_confirm_reads_its_reservation_and_grants_by_key_on_tables_without_statistics()
    {
        await PostgresServer.WithMigratedDatabaseAsync(async connection =>
        {
            // Thousands of live reservations of one tenant, never analysed: what a new deployment's table looks like.
            await connection.ExecuteAsync(
                """
                INSERT INTO reservations (tenant, id, order_id, status, expires_at, created_at, updated_at, answer)
                SELECT 't', 'r' || n, 'o' || n, 'reserved', 9000000000000, 0, 0, '{}' FROM generate_series(1, 3000) AS n;
                INSERT INTO usage_grants (tenant, reservation_id, offer_id, counter, order_id, period, amount, state)
                SELECT 't', 'r' || n, 'offer' || (n % 64), 'offer', 'o' || n, 'total', 1, 'reserved' FROM generate_series(1, 3000) AS n;
                """);
            var confirm = await PlanAsync(connection, ReservationStore.ConfirmSql);
            var grants = await PlanAsync(connection, UsageLedger.ConfirmSql);

            Assert.Contains("reservations_pkey", confirm, StringComparison.Ordinal);
            Assert.DoesNotContain("ux_reservations_live_order", confirm, StringComparison.Ordinal);
            Assert.Contains("reservations_pkey", grants, StringComparison.Ordinal);
            Assert.Contains("usage_grants_pkey", grants, StringComparison.Ordinal);
            Assert.DoesNotContain("ux_reservations_live_order", grants, StringComparison.Ordinal);
            Assert.DoesNotContain("ix_usage_grants_offer", grants, StringComparison.Ordinal);
        });
    }

    private static async Task<string> PlanAsync(System.Data.Common.DbConnection connection, string statement) =>
        string.Join('\n', await connection.QueryAsync<string>("EXPLAIN " + statement.TrimEnd().TrimEnd(';'), new { tenant = "t", id = "r1500", reservationId = "r1500", confirmed = "confirmed", reserved = "reserved", now = 1L }));
}

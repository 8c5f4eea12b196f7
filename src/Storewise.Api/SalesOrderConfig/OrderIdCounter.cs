using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.SalesOrderConfig;

/// <summary>
/// Hands out order ids from the tenant's counter row with one atomic UPDATE ... RETURNING, so ids never
/// repeat, also with many instances on one database (no read-then-write).
/// </summary>
public sealed class OrderIdCounter(Database database)
{
    public async Task<OrderIdResult> NextAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var taken = await connection.QuerySingleOrDefaultAsync<TakenNumber>(
            """
            UPDATE order_id_counters SET next_number = next_number + step
            WHERE tenant = @tenant AND next_number <= max_number
            RETURNING next_number - step AS Number, prefix AS Prefix, size AS Size
            """,
            new { tenant });
        if (taken is not null)
        {
            return new OrderIdResult(OrderIdOutcome.Allocated, OrderIdSequence.FormatId(taken.Prefix, (int)taken.Size, taken.Number));
        }

        var configured = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM order_id_counters WHERE tenant = @tenant", new { tenant });
        return new OrderIdResult(configured > 0 ? OrderIdOutcome.Exhausted : OrderIdOutcome.NotConfigured, null);
    }

    private sealed class TakenNumber
    {
        public long Number { get; set; }

        public string Prefix { get; set; } = "";

        public long Size { get; set; }
    }
}

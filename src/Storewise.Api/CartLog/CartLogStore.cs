using System.Buffers;
using System.Data.Common;
using System.Text;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>SQL for <c>cart_log</c>: batched appends, the retention prune, and reading a time range in order.</summary>
public static class CartLogStore
{
    // Rows per INSERT statement: 5 parameters each stays far below every engine's parameter limit.
    private const int RowsPerStatement = 200;

    /// <summary>Appends <paramref name="rows"/> in one transaction, a few multi-row statements.</summary>
    public static Task InsertAsync(Database database, IReadOnlyList<LoggedCartRow> rows, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var scratch = new ArrayBufferWriter<byte>(8192);
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var sql = new StringBuilder("INSERT INTO cart_log (tenant, logged_at, seq, store_id, cart) VALUES ");
                var parameters = new DynamicParameters();
                var end = Math.Min(rows.Count, start + RowsPerStatement);
                for (var i = start; i < end; i++)
                {
                    var row = rows[i];
                    sql.Append(i == start ? "" : ", ").Append($"(@t{i}, @a{i}, @s{i}, @st{i}, @c{i})");
                    parameters.Add($"t{i}", row.Tenant);
                    parameters.Add($"a{i}", row.LoggedAt);
                    parameters.Add($"s{i}", Random.Shared.NextInt64());
                    parameters.Add($"st{i}", row.Cart.StoreId);
                    parameters.Add($"c{i}", LoggedCart.From(row.Cart, row.EvaluatedAt).Store(scratch));
                }

                sql.Append(" ON CONFLICT DO NOTHING");
                await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
            }

            return WriteOutcome.Commit(rows.Count);
        }, cancellationToken);

    /// <summary>Deletes the tenant's carts logged before <paramref name="cutoff"/>; returns how many.</summary>
    public static Task<int> PruneAsync(Database database, string tenant, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) => WriteOutcome.Commit(await connection.ExecuteAsync(
                "DELETE FROM cart_log WHERE tenant = @tenant AND logged_at < @cutoff",
                new { tenant, cutoff = cutoff.ToUnixTimeMilliseconds() },
                transaction)),
            cancellationToken);

    /// <summary>
    /// One page of the tenant's carts logged in [<paramref name="from"/>, <paramref name="to"/>), in log order,
    /// after the position <paramref name="after"/> (keyset paging, so a long replay reads each row once).
    /// </summary>
    public static async Task<IReadOnlyList<LoggedCartEntry>> ReadAsync(
        DbConnection connection, string tenant, long from, long to, IReadOnlyList<string> stores, LogPosition after, int limit)
    {
        var rows = await connection.QueryAsync<(long LoggedAt, long Seq, string Cart)>(
            PageSql(connection, stores), PageParameters(tenant, from, to, stores, after, limit));
        return [.. rows.Select(r => new LoggedCartEntry(new LogPosition(r.LoggedAt, r.Seq), r.Cart))];
    }

    /// <summary>
    /// The same page as <see cref="ReadAsync"/> into <paramref name="page"/> (cleared first): each row's stored bytes as
    /// they are, no text made of them (docs/decisions/0711-compact-cart-log.md).
    /// </summary>
    public static async Task ReadPageAsync(
        DbConnection connection, string tenant, long from, long to, IReadOnlyList<string> stores, LogPosition after, int limit, LoggedCartPage page)
    {
        page.Clear();
        await using var reader = await connection.ExecuteReaderAsync(PageSql(connection, stores), PageParameters(tenant, from, to, stores, after, limit));
        while (await reader.ReadAsync())
        {
            // The position first: a provider may end a column's stream once another column is read.
            var position = new LogPosition(reader.GetInt64(0), reader.GetInt64(1));
            using var stored = reader.GetStream(2);
            page.Add(position, stored);
        }
    }

    private static string PageSql(DbConnection connection, IReadOnlyList<string> stores) =>
        $"""
        SELECT logged_at, seq, cart FROM cart_log
        WHERE tenant = @tenant AND logged_at >= @from AND logged_at < @to{StoreFilter(connection, stores)}
          AND (logged_at > @afterAt OR (logged_at = @afterAt AND seq > @afterSeq))
        ORDER BY logged_at, seq LIMIT @limit
        """;

    private static object PageParameters(string tenant, long from, long to, IReadOnlyList<string> stores, LogPosition after, int limit) =>
        new { tenant, from, to, stores = stores.ToArray(), afterAt = after.LoggedAt, afterSeq = after.Seq, limit };

    /// <summary>How many of the tenant's carts <see cref="ReadAsync"/> would return from the start.</summary>
    public static async Task<long> CountAsync(DbConnection connection, string tenant, long from, long to, IReadOnlyList<string> stores) =>
        await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM cart_log WHERE tenant = @tenant AND logged_at >= @from AND logged_at < @to{StoreFilter(connection, stores)}",
            new { tenant, from, to, stores = stores.ToArray() });

    private static string StoreFilter(DbConnection connection, IReadOnlyList<string> stores) =>
        stores.Count == 0 ? "" : $" AND {SqlDialect.Of(connection).In("store_id", "stores")}";
}

/// <summary>A place in a tenant's cart log: its order is (logged_at, seq).</summary>
public readonly record struct LogPosition(long LoggedAt, long Seq)
{
    public static LogPosition Start => new(long.MinValue, long.MinValue);
}

/// <summary>One stored cart of the log, still in its stored text (<see cref="LoggedCart.Parse(ReadOnlySpan{byte})"/> reads it).</summary>
public sealed record LoggedCartEntry(LogPosition Position, string Cart);

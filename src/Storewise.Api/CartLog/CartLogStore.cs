using System.Data;
using System.Data.Common;
using Dapper;
using Storewise.Api.Storage;

namespace Storewise.Api.CartLog;

/// <summary>SQL for <c>cart_log</c>: batched appends, the retention prune, and reading a time range in order.</summary>
public static class CartLogStore
{
    // The cart goes as the UTF-8 it was encoded in; the dialect makes it text.
    private static string InsertSql(DbConnection connection) =>
        $"INSERT INTO cart_log (tenant, logged_at, seq, store_id, cart) VALUES (@tenant, @loggedAt, @seq, @store, {SqlDialect.Of(connection).TextFromUtf8("cart")}) ON CONFLICT DO NOTHING";

    /// <summary>
    /// Appends <paramref name="rows"/> in one transaction: one prepared single-row statement run once per row, or, where
    /// the provider sends a batch of statements in one round trip (PostgreSQL), one batch of them
    /// (docs/decisions/0712-cart-log-writes-in-intervals.md).
    /// </summary>
    public static Task InsertAsync(Database database, IReadOnlyList<LoggedCartRow> rows, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (connection.CanCreateBatch)
            {
                await InsertBatchAsync(connection, transaction, rows, cancellationToken);
            }
            else
            {
                await InsertEachAsync(connection, transaction, rows, cancellationToken);
            }

            return WriteOutcome.Commit(rows.Count);
        }, cancellationToken);

    // SQLite runs a statement in process: the cost per row is binding five values and one step, with nothing parsed again.
    private static async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LoggedCartRow> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql(connection);
        var tenant = AddParameter(command.CreateParameter(), command.Parameters, "tenant", DbType.String);
        var loggedAt = AddParameter(command.CreateParameter(), command.Parameters, "loggedAt", DbType.Int64);
        var seq = AddParameter(command.CreateParameter(), command.Parameters, "seq", DbType.Int64);
        var store = AddParameter(command.CreateParameter(), command.Parameters, "store", DbType.String);
        var cart = AddParameter(command.CreateParameter(), command.Parameters, "cart", DbType.Binary);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            tenant.Value = row.Tenant;
            loggedAt.Value = row.LoggedAt;
            seq.Value = Random.Shared.NextInt64();
            store.Value = (object?)row.StoreId ?? DBNull.Value;
            cart.Value = row.Cart;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LoggedCartRow> rows, CancellationToken cancellationToken)
    {
        var sql = InsertSql(connection);
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            AddParameter(command.CreateParameter(), command.Parameters, "tenant", DbType.String).Value = row.Tenant;
            AddParameter(command.CreateParameter(), command.Parameters, "loggedAt", DbType.Int64).Value = row.LoggedAt;
            AddParameter(command.CreateParameter(), command.Parameters, "seq", DbType.Int64).Value = Random.Shared.NextInt64();
            AddParameter(command.CreateParameter(), command.Parameters, "store", DbType.String).Value = (object?)row.StoreId ?? DBNull.Value;
            AddParameter(command.CreateParameter(), command.Parameters, "cart", DbType.Binary).Value = row.Cart;
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbParameter parameter, DbParameterCollection parameters, string name, DbType type)
    {
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameters.Add(parameter);
        return parameter;
    }

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

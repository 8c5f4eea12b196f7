using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Storewise.Api.Storage;

/// <summary>PostgreSQL: array parameters, SQLSTATEs, READ COMMITTED, binary COPY, advisory locks, LISTEN/NOTIFY.</summary>
public sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    // Npgsql sends the list as one array parameter.
    public override string In(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override string TextFromUtf8(string parameter) => $"convert_from(@{parameter}, 'UTF8')";

    public override bool IsUniqueViolation(DbException exception, out string? constraint)
    {
        if (exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            constraint = pg.ConstraintName;
            return true;
        }

        constraint = null;
        return false;
    }

    // PostgreSQL picks one of two transactions that lock the same rows in opposite order as a deadlock victim;
    // nothing of the victim was committed.
    public override bool IsRetryableConflict(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    // READ COMMITTED; statements that must not race are conditional updates guarded by unique indexes.
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override async Task BulkInsertAsync<T>(DbConnection connection, BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // Synchronous writes: the importer buffers rows and only touches the socket when its buffer fills, so the
        // per-field async state machines would cost more than the rare blocking flush.
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in table.Columns)
            {
                if (column.Integer is { } integer)
                {
                    importer.Write(integer(row), NpgsqlDbType.Integer);
                }
                else if (column.Text!(row) is { } text)
                {
                    importer.Write(text, NpgsqlDbType.Text);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public override Task CommitWithoutFlushAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteAsync("SET LOCAL synchronous_commit = off", transaction: transaction);

    public override async Task RefreshStatisticsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = $"ANALYZE {table}";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<IAsyncDisposable> LockAsync(DbConnection connection, long key, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken));
        return new AdvisoryLock(connection, key);
    }

    public override string PlanForTheseParameters => "SET LOCAL plan_cache_mode = force_custom_plan;";

    public override string PlanKeyedStatementsOnce => "SET LOCAL enable_seqscan = off; SET LOCAL plan_cache_mode = force_generic_plan;";

    public override bool HasNotifications => true;

    // pg_notify rather than NOTIFY: the channel and payload are parameters. PostgreSQL delivers it at commit, and
    // not at all on rollback.
    public override Task NotifyAsync(DbConnection connection, DbTransaction transaction, string channel, string payload) =>
        connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel, payload }, transaction);

    public override async Task ListenAsync(DbConnection connection, string channel, Action<string> received, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        npgsql.Notification += (_, e) =>
        {
            if (e.Channel == channel)
            {
                received(e.Payload);
            }
        };
        await using var listen = npgsql.CreateCommand();
        // Named, so an operator (or a test) can find the listening session in pg_stat_activity.
        listen.CommandText = $"SET application_name = 'storewise-listener-{Environment.ProcessId}'; LISTEN \"{channel}\"";
        await listen.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task StopListeningAsync(DbConnection connection)
    {
        await using var stop = connection.CreateCommand();
        stop.CommandText = "UNLISTEN *; RESET application_name";
        await stop.ExecuteNonQueryAsync();
    }

    private sealed class AdvisoryLock(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
    }
}

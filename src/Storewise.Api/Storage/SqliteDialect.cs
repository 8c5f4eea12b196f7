using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Storewise.Api.Storage;

/// <summary>SQLite: Dapper-expanded IN lists, extended result codes, BEGIN IMMEDIATE, prepared inserts.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // Extended result codes (sqlite3.h); the message text is for people and may change.
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    // Dapper expands "IN @list" into one parameter per element.
    public override string In(string column, string parameter) => $"{column} IN @{parameter}";

    // A blob cast to TEXT is read as text in the database's encoding, UTF-8, as it is.
    public override string TextFromUtf8(string parameter) => $"CAST(@{parameter} AS TEXT)";

    public override bool IsUniqueViolation(DbException exception, out string? constraint)
    {
        if (exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey } sqlite)
        {
            // "UNIQUE constraint failed: offers.tenant, offers.external_id_key": the columns name the index.
            var colon = sqlite.Message.LastIndexOf(':');
            constraint = colon < 0 ? null : sqlite.Message[(colon + 1)..].Trim().TrimEnd('\'', '.');
            return true;
        }

        constraint = null;
        return false;
    }

    // One writer at a time with BEGIN IMMEDIATE: writers queue on the busy timeout instead of deadlocking.
    public override bool IsRetryableConflict(DbException exception) => false;

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task BulkInsertAsync<T>(DbConnection connection, BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        await using var tx = sqlite.BeginTransaction(deferred: false);
        await using var command = sqlite.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns
            .Select((c, i) => command.Parameters.Add("$p" + i, c.Integer is null ? SqliteType.Text : SqliteType.Integer))
            .ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var column = table.Columns[i];
                parameters[i].Value = column.Integer is { } integer ? integer(row) : (object?)column.Text!(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery(); // Microsoft.Data.Sqlite runs async commands synchronously anyway
        }

        await tx.CommitAsync(cancellationToken);
    }

    // WAL with synchronous=NORMAL already commits without a flush.
    public override Task CommitWithoutFlushAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;

    // SQLite's planner does well on these indexes without ANALYZE.
    public override Task RefreshStatisticsAsync(DbConnection connection, string table, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<IAsyncDisposable> LockAsync(DbConnection connection, long key, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    // One host: instances sharing the file learn of each other's changes by reading (a bounded staleness).
    public override string PlanForTheseParameters => string.Empty;

    public override string PlanKeyedStatementsOnce => string.Empty;

    public override bool HasNotifications => false;

    public override Task NotifyAsync(DbConnection connection, DbTransaction transaction, string channel, string payload) => Task.CompletedTask;

    public override Task ListenAsync(DbConnection connection, string channel, Action<string> received, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SQLite has no notifications.");

    public override Task StopListeningAsync(DbConnection connection) => Task.CompletedTask;

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

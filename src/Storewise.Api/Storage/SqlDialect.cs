using System.Data.Common;
using Npgsql;

namespace Storewise.Api.Storage;

/// <summary>
/// Everything the service's SQL does differently on SQLite and PostgreSQL, in one place: array membership,
/// how a unique violation or a retryable conflict is recognised, write transactions, bulk copy, statistics and
/// cross-instance locks. Feature code asks <see cref="Database.Dialect"/> and never names a provider type.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The dialect of an open connection, for SQL helpers that are handed only the connection.</summary>
    public static SqlDialect Of(DbConnection connection) =>
        connection is NpgsqlConnection ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>A condition "<paramref name="column"/> is one of the array parameter <paramref name="parameter"/>".</summary>
    public abstract string In(string column, string parameter);

    /// <summary>
    /// A text value from the binary parameter <paramref name="parameter"/> holding UTF-8, so text made as UTF-8 is
    /// stored without a string made of it (docs/decisions/0712-cart-log-writes-in-intervals.md).
    /// </summary>
    public abstract string TextFromUtf8(string parameter);

    /// <summary>
    /// Whether the statement failed on a unique (or primary key) index, and which one; the constraint is the
    /// index name on PostgreSQL and the "table.column, ..." list on SQLite, or null when the engine did not say.
    /// </summary>
    public abstract bool IsUniqueViolation(DbException exception, out string? constraint);

    /// <summary>Whether the transaction lost a deadlock or serialization conflict and may simply be run again.</summary>
    public abstract bool IsRetryableConflict(DbException exception);

    /// <summary>Starts a write transaction that never deadlocks on a lock upgrade.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="rows"/> to a table in the fastest way the engine offers.</summary>
    public abstract Task BulkInsertAsync<T>(DbConnection connection, BulkTable<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>Refreshes the planner's statistics of a table that just grew a lot (where the engine keeps any).</summary>
    public abstract Task RefreshStatisticsAsync(DbConnection connection, string table, CancellationToken cancellationToken);

    /// <summary>
    /// Lets <paramref name="transaction"/> commit without waiting for its log to reach disk; a crash may then lose it
    /// whole. Only for writes that a crash may lose because they are redone (docs/decisions/0518-import-batches-commit-without-flush.md).
    /// </summary>
    public abstract Task CommitWithoutFlushAsync(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// Holds a lock shared by every instance on the database until disposed, so instances starting together do
    /// a one-time step once. SQLite serves one host, whose write transactions already queue.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockAsync(DbConnection connection, long key, CancellationToken cancellationToken);

    /// <summary>
    /// A statement that makes the rest of the transaction plan each prepared statement for its own parameters, or
    /// empty where statements are not planned once for all (docs/decisions/0608-reservation-throughput.md): a plan
    /// made for all parameters while a table is still small scans it, and is kept until the table is analysed.
    /// </summary>
    public abstract string PlanForTheseParameters { get; }

    /// <summary>
    /// A statement that makes the rest of the transaction plan each prepared statement once for all parameters, and
    /// never as a sequential scan, or empty where statements are not planned once for all: for transactions whose
    /// every statement finds its rows by key (docs/decisions/0610-reservation-confirm-by-primary-key.md). Planning
    /// each statement again cost the reserve and the confirm more than running them; without sequential scans a plan
    /// made while a table is small still uses its key.
    /// </summary>
    public abstract string PlanKeyedStatementsOnce { get; }

    /// <summary>
    /// Whether instances can tell each other of a change through the database (PostgreSQL LISTEN/NOTIFY). Without
    /// it an instance learns of other instances' changes only by reading (docs/decisions/0510-catalogue-change-notifications.md).
    /// </summary>
    public abstract bool HasNotifications { get; }

    /// <summary>Sends <paramref name="payload"/> on <paramref name="channel"/> when <paramref name="transaction"/> commits (nothing without notifications).</summary>
    public abstract Task NotifyAsync(DbConnection connection, DbTransaction transaction, string channel, string payload);

    /// <summary>
    /// Makes <paramref name="connection"/> listen on <paramref name="channel"/>; <paramref name="received"/> is called
    /// with each payload while the connection reads the answer of any statement.
    /// </summary>
    public abstract Task ListenAsync(DbConnection connection, string channel, Action<string> received, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes <see cref="ListenAsync"/> on a connection that is still open, before it goes back to the pool: pooled
    /// connections are not reset on checkout (docs/decisions/0609-reserve-without-the-usage-read.md), so a request
    /// must not inherit the listener's name and channel.
    /// </summary>
    public abstract Task StopListeningAsync(DbConnection connection);
}
